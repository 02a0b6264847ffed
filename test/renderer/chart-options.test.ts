import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/src/i18n/en';
import { translate, type MessageKey, type MessageParams } from '../../src-renderer/src/i18n/translate';
import { chartTheme, classColor, mix, textOn } from '../../src-renderer/src/lib/charts/chartTheme';
import { correlationCells, correlationOption } from '../../src-renderer/src/lib/charts/options/correlation';
import {
  categoryBarsOption,
  classDistributionOption,
  featureDistributionOption,
  histogramOption,
} from '../../src-renderer/src/lib/charts/options/distribution';
import {
  limeSides,
  limeWeightsOption,
  probabilitiesOption,
  sortByMagnitude,
  weightDigits,
} from '../../src-renderer/src/lib/charts/options/explain';
import {
  confusionOption,
  confusionTotal,
  importanceOption,
  predictedVsActualOption,
  prOption,
  rocOption,
  rowPercentages,
  topImportances,
} from '../../src-renderer/src/lib/charts/options/model';
import type { ChartContext, ChartOption } from '../../src-renderer/src/lib/charts/types';
import { createNumberFormatter } from '../../src-renderer/src/lib/format';

const ctx: ChartContext = {
  theme: chartTheme('light'),
  t: (key: MessageKey, params?: MessageParams) => translate(en, key, params),
  fmt: createNumberFormatter('en-US'),
};

type Loose = Record<string, unknown>;
const one = (x: unknown): Loose => (Array.isArray(x) ? x[0] : x) as Loose;
const series = (o: ChartOption): Loose[] => (Array.isArray(o.series) ? o.series : [o.series]) as Loose[];
const tooltip = (o: ChartOption): ((p: unknown) => string) =>
  one(o.tooltip).formatter as (p: unknown) => string;

const weights = [
  { feature: 'worst area', condition: 'worst area > 1084.00', weight: 0.21 },
  { feature: 'mean texture', condition: 'mean texture <= 16.17', weight: -0.05 },
  { feature: 'worst concave points', condition: 'worst concave points > 0.16', weight: 0.18 },
  { feature: 'area error', condition: '17.85 < area error <= 24.53', weight: -0.3 },
];

describe('LIME weights chart', () => {
  it('sorts by |weight| with the largest at the top', () => {
    const option = limeWeightsOption(ctx, {
      title: 'Local explanation for class malignant',
      weights,
      sides: limeSides(ctx, { task: 'classification', classes: ['benign', 'malignant'], label: 1 }),
    });
    const y = one(option.yAxis);
    expect(y.inverse).toBe(true);
    expect(y.data).toEqual([
      '17.85 < area error <= 24.53',
      'worst area > 1084.00',
      'worst concave points > 0.16',
      'mean texture <= 16.17',
    ]);
    const [positive, negative] = series(option);
    expect(positive.data).toEqual(['-', 0.21, 0.18, '-']);
    expect(negative.data).toEqual([-0.3, '-', '-', -0.05]);
    // One slot per condition: the two sides are stacked, not placed side by side.
    expect(positive.stack).toBe(negative.stack);
  });

  it('colours a binary explanation by the class each side pushes toward', () => {
    const sides = limeSides(ctx, { task: 'classification', classes: ['benign', 'malignant'], label: 1 });
    expect(sides.positive).toEqual({ name: 'Pushes toward malignant', color: classColor(ctx.theme, 1) });
    expect(sides.negative).toEqual({ name: 'Pushes toward benign', color: classColor(ctx.theme, 0) });
    const flipped = limeSides(ctx, { task: 'classification', classes: ['benign', 'malignant'], label: 0 });
    expect(flipped.positive.name).toBe('Pushes toward benign');
    expect(flipped.negative.name).toBe('Pushes toward malignant');
  });

  it('names "not <class>" in multi-class and raise/lower in regression', () => {
    const multi = limeSides(ctx, {
      task: 'classification',
      classes: ['setosa', 'versicolor', 'virginica'],
      label: 2,
    });
    expect(multi.positive.name).toBe('Pushes toward virginica');
    expect(multi.negative).toEqual({ name: 'Pushes toward not virginica', color: ctx.theme.neutral });
    const reg = limeSides(ctx, { task: 'regression', classes: [] });
    expect(reg.positive.name).toBe('Raises the prediction');
    expect(reg.negative.name).toBe('Lowers the prediction');
  });

  it('keeps the axis symmetric and escapes conditions in the tooltip', () => {
    const option = limeWeightsOption(ctx, {
      title: 't',
      weights: [{ feature: '<b>x</b>', condition: '<b>x</b> > 1.00', weight: -0.5 }],
      sides: limeSides(ctx, { task: 'regression', classes: [] }),
    });
    const x = one(option.xAxis);
    expect(x.min).toBeCloseTo(-0.65, 12);
    expect(x.max).toBeCloseTo(0.65, 12);
    expect(tooltip(option)({ dataIndex: 0 })).toBe(
      '&#60;b&#62;x&#60;/b&#62; &#62; 1.00<br/>Weight: <b>-0.5000</b>',
    );
  });

  it('shows weights with decimals fitted to the largest one', () => {
    expect(weightDigits(weights)).toBe(3);
    expect(weightDigits([{ weight: 0.031 }, { weight: -0.0004 }])).toBe(4);
    expect(weightDigits([{ weight: -42.8 }])).toBe(2);
    expect(weightDigits([{ weight: 3e-12 }])).toBe(8);
    expect(weightDigits([])).toBe(3);
    const option = limeWeightsOption(ctx, {
      title: 't',
      weights: [{ feature: 'a', condition: 'a > 1.00', weight: 0.0312 }],
      sides: limeSides(ctx, { task: 'regression', classes: [] }),
    });
    const label = series(option)[0].label as { formatter: (p: unknown) => string };
    expect(label.formatter({ value: 0.0312 })).toBe('+0.0312');
  });

  it('sortByMagnitude is stable for ties', () => {
    const tied = [
      { id: 'a', weight: 0.1 },
      { id: 'b', weight: -0.1 },
      { id: 'c', weight: 0.3 },
    ];
    expect(sortByMagnitude(tied).map((w) => w.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('confusion matrix', () => {
  const confusion = [
    [68, 3],
    [3, 39],
  ];

  it('computes row percentages and the total', () => {
    const rows = rowPercentages(confusion);
    expect(rows[0][0]).toBeCloseTo(68 / 71, 15);
    expect(rows[1][1]).toBeCloseTo(39 / 42, 15);
    expect(rowPercentages([[0, 0]])).toEqual([[0, 0]]);
    expect(confusionTotal(confusion)).toBe(113);
  });

  it('labels each cell with its count and row percentage, actual classes top to bottom', () => {
    const option = confusionOption(ctx, {
      title: 'Confusion matrix',
      classes: ['benign', 'malignant'],
      confusion,
    });
    const [heat] = series(option);
    const data = heat.data as { value: number[]; itemStyle: { color: string }; label: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([
      [0, 0, 68],
      [1, 0, 3],
      [0, 1, 3],
      [1, 1, 39],
    ]);
    const format = (heat.label as { formatter: (p: unknown) => string }).formatter;
    expect(format({ value: [0, 0, 68] })).toBe('68\n95.8%');
    expect(format({ value: [0, 1, 3] })).toBe('3\n7.1%');
    expect(one(option.yAxis).inverse).toBe(true);
    // Shade follows the row share; the label colour stays readable on it.
    const dark = mix(ctx.theme.sequential[0], ctx.theme.sequential[1], 68 / 71);
    expect(data[0].itemStyle.color).toBe(dark);
    expect(data[0].label.color).toBe(textOn(dark));
    expect(textOn('#2f6db3')).toBe('#ffffff');
    expect(textOn('#eef4fb')).toBe('#1f2933');
  });
});

describe('importances', () => {
  const items = [
    { feature: 'a', importance: 0.1, std: 0.01 },
    { feature: 'b', importance: 0.4, std: 0.05 },
    { feature: 'c', importance: Number.NaN },
    { feature: 'd', importance: 0.2, std: 0.02 },
  ];

  it('keeps the top N finite importances, largest first', () => {
    expect(topImportances(items, 2).map((d) => d.feature)).toEqual(['b', 'd']);
  });

  it('draws ±1 sd error bars on the value axis when sd is known', () => {
    const option = importanceOption(ctx, { title: 'P', axisName: 'x', items, topN: 10, color: '#000000' });
    const [bars, errors] = series(option);
    expect(bars.data).toEqual([0.4, 0.2, 0.1]);
    expect(errors.type).toBe('custom');
    expect(errors.encode).toEqual({ x: [1, 2], y: 0 });
    expect((errors.data as number[][])[0]).toEqual([0, 0.35000000000000003, 0.45]);
    expect(one(option.yAxis).data).toEqual(['b', 'd', 'a']);
    const plain = importanceOption(ctx, {
      title: 'I',
      axisName: 'x',
      items: items.map(({ feature, importance }) => ({ feature, importance })),
      topN: 2,
      color: '#000000',
    });
    expect(series(plain)).toHaveLength(1);
    expect(tooltip(plain)({ dataIndex: 1 })).toBe('d: 0.2');
  });
});

describe('class distribution', () => {
  it('colours one bar per class before a split', () => {
    const option = classDistributionOption(ctx, {
      title: 'Class distribution',
      classes: ['benign', 'malignant'],
      overall: [357, 212],
    });
    const s = series(option);
    expect(s).toHaveLength(1);
    expect(
      (s[0].data as { value: number; itemStyle: { color: string } }[]).map((d) => [
        d.value,
        d.itemStyle.color,
      ]),
    ).toEqual([
      [357, classColor(ctx.theme, 0)],
      [212, classColor(ctx.theme, 1)],
    ]);
    expect(option.legend).toBeUndefined();
  });

  it('groups all rows, training and test once split', () => {
    const option = classDistributionOption(ctx, {
      title: 'Class distribution',
      classes: ['benign', 'malignant'],
      overall: [357, 212],
      train: [286, 170],
      test: [71, 42],
    });
    expect(series(option).map((s) => s.name)).toEqual(['All rows', 'Training set', 'Test set']);
    // The legend takes its colours from the series, so each series carries its colour.
    expect(series(option).map((s) => (s.itemStyle as { color: string }).color)).toEqual([
      ctx.theme.neutral,
      ctx.theme.palette[0],
      ctx.theme.palette[1],
    ]);
    expect(series(option)[2].data).toEqual([71, 42]);
    expect(tooltip(option)([{ dataIndex: 1, seriesIndex: 2, marker: '' }])).toBe(
      '<b>malignant</b><br/>Test set: <b>42</b> (37.2%)',
    );
  });
});

describe('feature distribution', () => {
  it('overlays classes in the same bins, or stacks them', () => {
    const input = {
      title: 'F',
      feature: 'x',
      classes: ['a', 'b'],
      edges: [0, 1, 2],
      counts: [
        [1, 2],
        [3, 4],
      ],
    };
    const overlay = series(featureDistributionOption(ctx, { ...input, mode: 'overlay' }));
    expect(overlay.map((s) => [s.stack, s.barGap])).toEqual([
      [undefined, '-100%'],
      [undefined, '-100%'],
    ]);
    const stacked = series(featureDistributionOption(ctx, { ...input, mode: 'stacked' }));
    expect(stacked.map((s) => [s.stack, s.barGap])).toEqual([
      ['classes', undefined],
      ['classes', undefined],
    ]);
    expect(stacked.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('drops the legend for a numeric target (one series)', () => {
    const option = featureDistributionOption(ctx, {
      title: 'F',
      feature: 'x',
      classes: [],
      edges: [0, 1],
      counts: [[5]],
      mode: 'overlay',
    });
    expect(option.legend).toBeUndefined();
    expect(series(option)).toHaveLength(1);
  });
});

describe('correlation heatmap', () => {
  it('leaves NaN cells blank and puts the first feature at the top', () => {
    expect(
      correlationCells([
        [1, Number.NaN],
        [0.5, 1],
      ]),
    ).toEqual([
      [0, 0, 1],
      [1, 0, '-'],
      [0, 1, 0.5],
      [1, 1, 1],
    ]);
    const option = correlationOption(ctx, {
      title: 'C',
      names: ['a', 'b'],
      matrix: [
        [1, 0.5],
        [0.5, 1],
      ],
    });
    expect(one(option.yAxis).inverse).toBe(true);
    const vm = one(option.visualMap);
    expect([vm.min, vm.max]).toEqual([-1, 1]);
    expect(tooltip(option)({ value: [1, 0, 0.5] })).toBe('a × b: r = 0.500');
  });
});

describe('every chart', () => {
  const options: [string, ChartOption][] = [
    ['histogram', histogramOption(ctx, { title: 'H', edges: [0, 1, 2], counts: [3, 4], xName: 'x' })],
    ['categories', categoryBarsOption(ctx, { title: 'C', categories: [{ value: 'a', count: 1 }] })],
    ['classes', classDistributionOption(ctx, { title: 'K', classes: ['a'], overall: [1] })],
    [
      'feature distribution',
      featureDistributionOption(ctx, {
        title: 'F',
        feature: 'x',
        classes: ['a', 'b'],
        edges: [0, 1],
        counts: [[1], [2]],
        mode: 'stacked',
      }),
    ],
    ['correlation', correlationOption(ctx, { title: 'R', names: ['a'], matrix: [[1]] })],
    ['confusion', confusionOption(ctx, { title: 'M', classes: ['a'], confusion: [[1]] })],
    ['roc', rocOption(ctx, { classes: ['a'], roc: [{ label: 'a', fpr: [0, 1], tpr: [0, 1], auc: 0.5 }] })],
    [
      'pr',
      prOption(ctx, {
        classes: ['a'],
        pr: [{ label: 'a', recall: [0, 1], precision: [1, 0.5], averagePrecision: 0.7 }],
      }),
    ],
    [
      'importance',
      importanceOption(ctx, {
        title: 'I',
        axisName: 'x',
        items: [{ feature: 'a', importance: 1 }],
        topN: 10,
        color: '#000000',
      }),
    ],
    ['scatter', predictedVsActualOption(ctx, { actual: [1, 2], predicted: [1.5, 2.5] })],
    [
      'probabilities',
      probabilitiesOption(ctx, { classes: ['a', 'b'], probabilities: [0.2, 0.8], explained: 1 }),
    ],
    [
      'lime',
      limeWeightsOption(ctx, {
        title: 'L',
        weights,
        sides: limeSides(ctx, { task: 'regression', classes: [] }),
      }),
    ],
  ];

  it.each(options)('%s has a title, a tooltip and named axes where it has axes', (_name, option) => {
    expect(String(one(option.title).text).length).toBeGreaterThan(0);
    expect(one(option.tooltip)).toBeDefined();
    for (const axis of [one(option.xAxis), one(option.yAxis)]) {
      if (axis.type === 'value') expect(String(axis.name ?? '').length).toBeGreaterThan(0);
    }
  });

  it('labels ROC/PR legends with AUC/AP and uses one colour per class in both themes', () => {
    const roc = rocOption(ctx, {
      classes: ['benign', 'malignant'],
      roc: [
        { label: 'benign', fpr: [0, 1], tpr: [0, 1], auc: 0.99512 },
        { label: 'malignant', fpr: [0, 1], tpr: [0, 1], auc: 0.99512 },
      ],
    });
    expect(series(roc).map((s) => s.name)).toEqual(['benign (AUC 0.995)', 'malignant (AUC 0.995)', 'Chance']);
    expect(chartTheme('dark').palette).toEqual(chartTheme('light').palette);
  });

  it('puts the y = x line across the scatter on round bounds', () => {
    const option = predictedVsActualOption(ctx, { actual: [28.76, 300], predicted: [60, 332.24] });
    expect([one(option.xAxis).min, one(option.xAxis).max]).toEqual([0, 400]);
    expect(series(option)[1].data).toEqual([
      [0, 0],
      [400, 400],
    ]);
  });
});
