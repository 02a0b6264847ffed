/** `report`: train, explain the chosen rows and write the report files — the app's report without Electron. */
import { join } from 'node:path';
import { arch, platform } from 'node:os';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  readDatasetFile,
  trainModel,
  UserFacingError,
  type Dataset,
  type ExplainedCase,
  type TrainedModel,
  explanationsCsv,
  explanationsJson,
  metricsCsv,
} from '../engine';
import { fileDigest } from '../engine/io/fileDigest';
import {
  explainRows,
  misclassifiedRows,
  reportInputs,
  reportResults,
  reportTrust,
  reportTrustInputs,
  testRows,
} from '../engine/report';
import { REPORT_SCHEMA, REPORT_SECTIONS, type ReportModel } from '../contract/report';
import { writeFileAtomic } from '../services/atomicFile';
import type { ReportCommand } from './args';
import { APP_VERSION } from './version';
import { renderReportHtml, pdfInfoOf } from '../../src-renderer/src/report/renderReportHtml';
import { reportCharts, type ReportCharts } from '../../src-renderer/src/report/reportCharts';
import { reportText } from '../../src-renderer/src/report/reportText';
import { withPdfInfo } from '../engine/report';
import { findChromium, openPrinter } from './chromium';

function checkTarget(dataset: Dataset, target: string | undefined, file: string): void {
  if (target !== undefined && !dataset.columns.some((c) => c.name === target)) {
    throw new UserFacingError(
      `${file} has no column '${target}'. Its columns are: ${dataset.columns.map((c) => c.name).join(', ')}.`,
      { file, column: target },
    );
  }
}

function chosenRows(cmd: ReportCommand, model: TrainedModel, file: string): number[] {
  if (cmd.rows === 'all') return testRows(model);
  if (cmd.rows === 'misclassified') {
    const rows = misclassifiedRows(model);
    if (rows.length === 0) {
      throw new UserFacingError(
        `The model misclassifies no test case of ${file}; choose rows with --rows 12,40.`,
      );
    }
    return rows;
  }
  return [...cmd.rows];
}

/** Trains and explains per `cmd` and returns the report's data and the model (nothing written yet). */
export async function buildCliReport(
  cmd: ReportCommand,
  now = new Date(),
): Promise<{ report: ReportModel; model: TrainedModel }> {
  const dataset = await readDatasetFile(cmd.data, { ...(cmd.sheet !== undefined && { sheet: cmd.sheet }) });
  const digest = await fileDigest(cmd.data);
  checkTarget(dataset, cmd.target, digest.name);
  const settings = defaultTrainSettings(dataset, cmd.target, { nEstimators: cmd.trees, seed: cmd.seed });
  const model = trainModel(dataset, settings);
  const rows = chosenRows(cmd, model, digest.name);
  const lime = { ...DEFAULT_LIME_SETTINGS, seed: cmd.seed };
  const explanations = await explainRows(model, dataset, rows, lime);
  const trustInputs = reportTrustInputs(lime);
  const trust = await reportTrust(model, dataset, explanations, lime, trustInputs);
  const sheet = dataset.source.format === 'xlsx' ? dataset.source.sheet : undefined;
  const report: ReportModel = {
    schema: REPORT_SCHEMA,
    generator: { name: 'Lime Lens', version: APP_VERSION },
    createdAt: now.toISOString(),
    platform: `${platform()} ${arch()}`,
    presentation: {
      title:
        cmd.title ??
        (cmd.language === 'ko' ? `${digest.name} 설명 보고서` : `Explanation report: ${digest.name}`),
      author: cmd.author ?? '',
      language: cmd.language,
      paper: cmd.paper,
      sections: [...REPORT_SECTIONS],
    },
    inputs: reportInputs(
      {
        name: digest.name,
        bytes: digest.bytes,
        sha256: digest.sha256,
        ...(sheet !== undefined && { sheet }),
      },
      model,
      lime,
      rows,
      trustInputs,
    ),
    results: { ...reportResults(dataset, model, explanations), trust },
  };
  return { report, model };
}

/** The report's cases in the shape of the data exports (the same writers as the app's Export). */
export function explainedCases(report: ReportModel): ExplainedCase[] {
  const { results, inputs } = report;
  const task = results.metrics.task;
  return results.cases.map((c) => ({
    row: c.row,
    id: c.id,
    actual: c.actual,
    predicted: c.predicted,
    explanation: {
      task,
      classes: results.classes,
      ...(c.explainedClass !== undefined && { label: results.classes.indexOf(c.explainedClass) }),
      ...(c.probabilities && { probabilities: c.probabilities }),
      ...(task === 'regression' && { predictedValue: c.modelPred }),
      weights: c.weights,
      intercept: c.intercept,
      score: c.score,
      localPred: c.localPred,
      modelPred: c.modelPred,
      settings: { ...inputs.lime, kernelWidth: c.kernelWidth },
    },
  }));
}

export interface ReportFiles {
  readonly written: readonly string[];
  /** What could not be made and how to get it. */
  readonly notes: readonly string[];
}

/** File names of the chart PNGs, in report order. */
function chartFiles(report: ReportModel, charts: ReportCharts): [string, string][] {
  return [
    ...(charts.roc ? [['roc-curve.png', charts.roc] as [string, string]] : []),
    ...(charts.scatter ? [['predicted-vs-actual.png', charts.scatter] as [string, string]] : []),
    ['impurity-importance.png', charts.impurity],
    ['permutation-importance.png', charts.permutation],
    ...report.results.cases.map((c, i): [string, string] => [
      `lime-weights-row-${c.row}.png`,
      charts.cases[i],
    ]),
    ...trustChartFiles(report, charts),
  ];
}

function trustChartFiles(report: ReportModel, charts: ReportCharts): [string, string][] {
  const trust = charts.trust;
  if (!trust) return [];
  return [
    ['shap-importance.png', trust.shapImportance],
    ...report.results.cases.flatMap((c, i): [string, string][] => [
      [`stability-row-${c.row}.png`, trust.stability[i]],
      [`lime-vs-shap-row-${c.row}.png`, trust.limeShap[i]],
    ]),
  ];
}

/** Writes the report files into `cmd.out`: everything but the PDF and PNGs when no Chromium is found. */
export async function runReport(cmd: ReportCommand): Promise<ReportFiles> {
  const { report, model } = await buildCliReport(cmd);
  const written: string[] = [];
  const notes: string[] = [];
  const write = async (name: string, content: string | Uint8Array) => {
    const path = join(cmd.out, name);
    await writeFileAtomic(path, content);
    written.push(path);
  };
  const html = renderReportHtml(report);
  await write('report.json', `${JSON.stringify(report, null, 2)}\n`);
  await write('report.html', html);
  const cases = explainedCases(report);
  await write('explanations.csv', explanationsCsv(cases));
  await write('explanations.json', explanationsJson(cases));
  await write(
    'metrics.csv',
    metricsCsv({
      metrics: model.metrics,
      ...(model.crossValidation && { crossValidation: model.crossValidation }),
    }),
  );
  const browser = await findChromium(cmd.browser);
  if (browser === null) {
    notes.push(
      (cmd.browser !== undefined
        ? `--browser ${cmd.browser} is not an executable file, so `
        : 'No Chromium found, so ') +
        'report.pdf and charts/*.png were not written. Install Chromium or Google Chrome ' +
        '(Debian/Ubuntu: sudo apt install chromium) and run again, or pass its path with --browser PATH ' +
        'or CHROMIUM_PATH; report.html prints to the same PDF from any browser.',
    );
    return { written, notes };
  }
  const printer = await openPrinter(browser);
  try {
    const p = report.presentation;
    const pdf = await printer.pdf(html, { paper: p.paper, title: p.title, language: p.language });
    await write('report.pdf', withPdfInfo(pdf, pdfInfoOf(report)));
    for (const [name, svg] of chartFiles(
      report,
      reportCharts(report.results, reportText(p.language), report.inputs.trust),
    )) {
      await write(join('charts', name), await printer.png(svg));
    }
  } finally {
    await printer.close();
  }
  return { written, notes };
}
