/**
 * The report's plain-language paragraph with trust figures: it says a case is unstable, fits
 * poorly or rests on collapsed bins exactly when the numbers say so, in English and Korean.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  loadDataset,
  trainModel,
  type Dataset,
  type LimeSettings,
  type TrainedModel,
} from '../../src-main/engine';
import { reportResults, reportTrust, reportTrustInputs } from '../../src-main/engine/report';
import {
  REPORT_SCHEMA,
  REPORT_SECTIONS,
  type ReportLanguage,
  type ReportModel,
  type ReportResults,
} from '../../src-main/contract/report';
import { caseNarrative } from '../../src-renderer/src/report/narrative';
import { renderReportHtml } from '../../src-renderer/src/report/renderReportHtml';
import { reportText } from '../../src-renderer/src/report/reportText';
import { trainSample } from '../engine/trust/breastCancerModel';

/** Trains, explains `rows` (1-based) and adds the trust figures (SP-LIME on 20 test rows to stay quick). */
async function build(dataset: Dataset, model: TrainedModel, rows: number[], lime: LimeSettings) {
  const explanations = [];
  for (const row of rows) explanations.push(await explainDataRow(model, dataset, row - 1, lime));
  const trustInputs = { ...reportTrustInputs(lime), spLimeSample: 20 };
  const trust = await reportTrust(model, dataset, explanations, lime, trustInputs);
  const results: ReportResults = { ...reportResults(dataset, model, explanations), trust };
  return { results, trustInputs };
}

function paragraphs(results: ReportResults, language: ReportLanguage): string[] {
  const text = reportText(language);
  return results.cases.map((c, i) =>
    caseNarrative(c, results.metrics.task, text, { figures: results.trust!.cases[i], runs: 10 }),
  );
}

const UNSTABLE = {
  en: 'Explained again with 10 other seeds, this explanation is unstable',
  ko: '다른 시드 10개로 다시 설명하면 이 설명은 불안정합니다',
};
const POOR_FIT = { en: 'fits the forest poorly here', ko: '잘 근사하지 못하므로' };
const COLLAPSED = { en: 'rests on collapsed bins', ko: '겹친 구간' };

describe('narrative on breast cancer, rows 12 and 40 (seed 42, 5000 samples, 10 stability runs)', () => {
  let results: ReportResults;
  let report: ReportModel;
  beforeAll(async () => {
    const { dataset, model } = trainSample('breast_cancer.csv', 'diagnosis');
    const built = await build(dataset, model, [12, 40], DEFAULT_LIME_SETTINGS);
    results = built.results;
    report = {
      schema: REPORT_SCHEMA,
      generator: { name: 'Lime Lens', version: '0.0.0-test' },
      createdAt: '2026-12-02T05:00:00.000Z',
      platform: 'test',
      presentation: { title: 'T', author: '', language: 'en', paper: 'A4', sections: [...REPORT_SECTIONS] },
      inputs: {
        file: { name: 'breast_cancer.csv', bytes: 1, sha256: '0'.repeat(64) },
        train: { ...model.settings, features: [...model.settings.features] },
        lime: { ...DEFAULT_LIME_SETTINGS },
        rows: [12, 40],
        trust: built.trustInputs,
      },
      results,
    };
  }, 120_000);

  it('row 12 is stable (Jaccard 1) with R² 0.53: no unstable, poor-fit or collapsed-bin sentence', () => {
    const [c12] = results.trust!.cases;
    expect(c12.stability.jaccard).toBe(1);
    expect(results.cases[0].score).toBeCloseTo(0.533, 3);
    for (const lang of ['en', 'ko'] as const) {
      const [p] = paragraphs(results, lang);
      expect(p).not.toContain(UNSTABLE[lang]);
      expect(p).not.toContain(POOR_FIT[lang]);
      expect(p).not.toContain(COLLAPSED[lang]);
    }
  });

  it('row 40 is unstable (Jaccard 0.73 < 0.8) and fits poorly (R² 0.18): both sentences, en and ko', () => {
    const c40 = results.trust!.cases[1];
    expect(c40.stability.stable).toBe(false);
    expect(c40.stability.jaccard).toBeCloseTo(0.733, 3);
    expect(results.cases[1].score).toBeCloseTo(0.182, 3);
    const [, en] = paragraphs(results, 'en');
    expect(en).toContain(
      'Explained again with 10 other seeds, this explanation is unstable: two runs share only 73% of their top 3 features on average (stable from 80%)',
    );
    expect(en).toContain('The simple local model fits the forest poorly here (R² 0.18)');
    expect(en).not.toContain(COLLAPSED.en);
    const [, ko] = paragraphs(results, 'ko');
    expect(ko).toContain(UNSTABLE.ko);
    expect(ko).toContain('상위 3개 특성이 평균 73%만 겹치므로(안정 기준 80%)');
    expect(ko).toContain(POOR_FIT.ko);
  });

  it('the layout prints the paragraph and the trust sections; without the trust section it prints neither', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('Stability over 10 seeded runs');
    expect(html).toContain('Trust: the global picture');
    expect(html).toContain(UNSTABLE.en);
    const without = renderReportHtml({
      ...report,
      presentation: { ...report.presentation, sections: REPORT_SECTIONS.filter((s) => s !== 'trust') },
    });
    expect(without).not.toContain('Stability over 10 seeded runs');
    expect(without).not.toContain('Trust: the global picture');
    expect(without).not.toContain(UNSTABLE.en);
  });
});

describe('narrative when a feature was mostly filled with its median (quartile bins collapse)', () => {
  it('names insulin in the collapsed-bin sentence, en and ko; glucose is not named', async () => {
    const lines = ['glucose,insulin,outcome'];
    for (let i = 0; i < 200; i++) {
      const insulin = i % 2 === 0 ? '' : String(20 + ((i * 37) % 300));
      lines.push(`${80 + ((i * 13) % 120)},${insulin},${i % 3 === 0 ? 'yes' : 'no'}`);
    }
    const dataset = loadDataset(new TextEncoder().encode(lines.join('\n')), 'pima-like.csv');
    const model = trainModel(dataset, { ...defaultTrainSettings(dataset, 'outcome'), nEstimators: 10 });
    const { results } = await build(dataset, model, [2, 3], { ...DEFAULT_LIME_SETTINGS, numSamples: 1000 });
    for (const c of results.trust!.cases) expect(c.collapsed.map((x) => x.feature)).toEqual(['insulin']);
    const [en] = paragraphs(results, 'en');
    expect(en).toContain(
      'The condition on insulin rests on collapsed bins (several quartile edges are equal), so it means something other than it seems',
    );
    expect(en).not.toContain('glucose rests');
    const [ko] = paragraphs(results, 'ko');
    expect(ko).toContain('insulin에 대한 조건은 겹친 구간');
    // The continuous mode has no quantile bins: nothing collapses, no sentence.
    const continuous = await build(dataset, model, [2], { ...DEFAULT_LIME_SETTINGS, discretizer: null });
    expect(continuous.results.trust!.cases[0].collapsed).toEqual([]);
    expect(paragraphs(continuous.results, 'en')[0]).not.toContain(COLLAPSED.en);
  }, 120_000);
});
