// report:build and report:save through the real handlers and the real worker thread (explain pool
// for 10 cases): the app's report carries the same numbers the CLI and `verify` compute.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSettingsDTO, Outcome, TrainResultDTO } from '../../src-main/contract/ipc';
import type { BuiltReportDTO, ReportPresentation } from '../../src-main/contract/report';
import { readDatasetFile } from '../../src-main/engine';
import { compareResults, computeReportResults } from '../../src-main/engine/report';
import { createHandlers, type Handlers } from '../../src-main/services/handlers';
import { createRecentFilesStore } from '../../src-main/services/recentFiles';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';

const SAMPLES = fileURLToPath(new URL('../../assets/samples/', import.meta.url));
const SHA256 = '7e115a871fc47b0002ff74842ddb6b61b08baf51b137f171c34af4d053c0b081';
const LIME = {
  numFeatures: 6,
  numSamples: 1000,
  kernelWidth: null,
  discretizer: 'quartile' as const,
  seed: 3,
};
const PRESENTATION: ReportPresentation = {
  title: 'Tumour board: 10 cases',
  author: 'Dr. Park',
  language: 'en',
  paper: 'A4',
  sections: ['data', 'model', 'cases', 'limitations', 'audit'],
};

const value = <T>(o: Outcome<T>): T => {
  if (!o.ok) throw new Error(`expected ok, got ${o.error.message}`);
  return o.value;
};

/** The smallest PDF a reader accepts, standing in for printToPDF. */
function tinyPdf(): Uint8Array {
  const objs = [
    '1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n',
    '2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n',
    '3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>\nendobj\n',
  ];
  let s = '%PDF-1.4\n';
  const at: number[] = [];
  for (const o of objs) {
    at.push(s.length);
    s += o;
  }
  const xref = s.length;
  s += `xref\n0 4\n0000000000 65535 f \n${at.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  s += `trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(s);
}

let dir: string;
let jobs: JobClient;
let handlers: Handlers;
let nextSave: string | null = null;
const printed: { html: string; options: unknown }[] = [];
const progress: number[] = [];
let train: TrainResultDTO;
let built: BuiltReportDTO;
let rows: number[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-lens-report-handlers-'));
  jobs = createWorkerJobClient({ log: () => undefined });
  handlers = createHandlers({
    jobs,
    samplesDir: SAMPLES,
    recent: createRecentFilesStore({ file: join(dir, 'recent.json') }),
    dialogs: { openDataset: async () => null },
    appInfo: () => ({ name: 'Lime Lens', version: '9.8.7', locale: 'en', platform: 'linux' }),
    sendEvent: (channel, payload) => {
      if (channel === 'job:progress' && (payload as { jobId: string }).jobId === 'rep-1')
        progress.push((payload as { fraction: number }).fraction);
    },
    files: {
      saveFile: async () => nextSave,
      openProject: async () => null,
      copyImage: async () => undefined,
    },
    reportPrinter: {
      printToPdf: async (html, options) => {
        printed.push({ html, options });
        return tinyPdf();
      },
    },
  });
  const summary = value(await handlers['dataset:open-sample']({ sampleId: 'breast_cancer' }));
  const settings: ModelSettingsDTO = {
    target: 'diagnosis',
    task: 'classification',
    features: summary.columns.map((c) => c.name).filter((n) => n !== 'diagnosis'),
    nEstimators: 25,
    maxDepth: null,
    maxFeatures: 'sqrt',
    minSamplesLeaf: 1,
    testFraction: 0.2,
    seed: 11,
    kFolds: 0,
  };
  train = value(await handlers['model:train']({ jobId: 'tr-1', datasetId: summary.datasetId, settings }));
  // Ten test cases, 1-based as the report numbers them (the pool explains ≥ 8 rows).
  rows = train.testCases.slice(0, 10).map((c) => c.row);
  built = value(
    await handlers['report:build']({
      jobId: 'rep-1',
      request: { modelId: train.modelId, rows, lime: LIME, presentation: PRESENTATION },
    }),
  );
}, 120_000);

afterAll(async () => {
  await jobs.dispose();
});

describe('report:build', () => {
  it('records the sample’s SHA-256, the settings and the rows, stamped with the app version', () => {
    const { report } = built;
    expect(report.generator).toEqual({ name: 'Lime Lens', version: '9.8.7' });
    expect(report.inputs.file).toEqual({ name: 'breast_cancer.csv', bytes: 124869, sha256: SHA256 });
    expect(report.inputs.rows).toEqual(rows);
    expect(report.inputs.lime).toEqual(LIME);
    expect(report.inputs.train).toMatchObject({ nEstimators: 25, seed: 11 });
    expect(report.results.cases.map((c) => c.row)).toEqual(rows);
    expect(report.presentation).toEqual(PRESENTATION);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
  });

  it('gives exactly the numbers the CLI path computes from the file (so verify passes on it)', async () => {
    const dataset = await readDatasetFile(join(SAMPLES, 'breast_cancer.csv'));
    const { results } = await computeReportResults(dataset, built.report.inputs);
    const cmp = compareResults(built.report.results, results);
    expect(cmp.differences).toEqual([]);
    expect(cmp.numbers).toBeGreaterThan(300);
    // The metrics are the Model view's.
    expect(built.report.results.metrics).toMatchObject({
      accuracy: (train.metrics as { accuracy: number }).accuracy,
    });
  });

  it('refuses rows past the end of the file with a message naming it', async () => {
    const outcome = await handlers['report:build']({
      jobId: 'rep-2',
      request: { modelId: train.modelId, rows: [570], lime: LIME, presentation: PRESENTATION },
    });
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'user',
        message: 'breast_cancer.csv has data rows 1 to 569; row 570 does not exist.',
      }),
    });
  });
});

describe('report:save', () => {
  it('writes the HTML main rendered, with the presentation the user set last', async () => {
    nextSave = join(dir, 'out.html');
    const presentation = { ...PRESENTATION, title: '종양 회의', language: 'ko' as const };
    const saved = value(
      await handlers['report:save']({ reportId: built.reportId, presentation, format: 'html' }),
    );
    expect(saved).toEqual({ path: nextSave, fileName: 'out.html' });
    const html = await readFile(nextSave, 'utf8');
    expect(html).toContain('<title>종양 회의</title>');
    expect(html).toContain(SHA256);
    expect(html).not.toMatch(/https?:|<script/i);
  });

  it('writes report.json that parses back to the built report', async () => {
    nextSave = join(dir, 'report.json');
    value(
      await handlers['report:save']({ reportId: built.reportId, presentation: PRESENTATION, format: 'json' }),
    );
    expect(JSON.parse(await readFile(nextSave, 'utf8'))).toEqual(built.report);
  });

  it('prints the same HTML to PDF and adds title, author, subject and the app version', async () => {
    nextSave = join(dir, 'report.pdf');
    value(
      await handlers['report:save']({ reportId: built.reportId, presentation: PRESENTATION, format: 'pdf' }),
    );
    expect(printed).toHaveLength(1);
    expect(printed[0].options).toEqual({ paper: 'A4', title: 'Tumour board: 10 cases', language: 'en' });
    expect(printed[0].html).toContain('Tumour board: 10 cases');
    const info = execFileSync('pdfinfo', [nextSave], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Tumour board: 10 cases$/m);
    expect(info).toMatch(/^Author:\s+Dr\. Park$/m);
    expect(info).toMatch(/^Creator:\s+Lime Lens 9\.8\.7$/m);
    expect(info).toMatch(
      new RegExp(`^Subject:\\s+LIME explanations of rows ${rows.join(', ')} of breast_cancer\\.csv$`, 'm'),
    );
  });

  it('writes nothing when the user cancels the dialog, and refuses an unknown report', async () => {
    const before = (await readdir(dir)).sort();
    nextSave = null;
    expect(
      await handlers['report:save']({ reportId: built.reportId, presentation: PRESENTATION, format: 'html' }),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect((await readdir(dir)).sort()).toEqual(before);
    const stale = await handlers['report:save']({
      reportId: 'report-00000000-0000-4000-8000-000000000000',
      presentation: PRESENTATION,
      format: 'pdf',
    });
    expect(stale).toEqual({
      ok: false,
      error: { kind: 'user', message: 'This report is no longer available. Make it again.' },
    });
  });
});
