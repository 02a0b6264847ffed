import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  readDatasetFile,
  trainModel,
} from '../../src-main/engine';

const path = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const breastCancer = path('../../assets/samples/breast_cancer.csv');
/** 80 visits of 60 patients: `Id` repeats (1000025 in rows 15 and 28), 1024450 is only in row 54. */
const patients = path('../fixtures/data/patients-id.csv');
const patientsKo = path('../fixtures/data/patients-ko.csv');
/** The same cases with a zero-padded `patient_no`: 0012, 0100, 007, 020, 021, … */
const patientsPadded = path('../fixtures/data/patients-padded.csv');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('cli explain', () => {
  it('prints the documented JSON with values equal to the engine for the same settings', async () => {
    const { code, out, err } = await run(['explain', '--data', breastCancer, '--row', '8', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['dataset', 'split', 'model', 'importances', 'explanation']);
    expect(report.dataset).toEqual({
      file: 'breast_cancer.csv',
      rows: 569,
      features: 30,
      classes: ['benign', 'malignant'],
      target: 'diagnosis',
      task: 'classification',
    });
    expect(report.split).toEqual({ train: 455, test: 114 });
    expect(report.model.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(114);

    const dataset = await readDatasetFile(breastCancer);
    const model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
    // --row 8 is the 8th row under the header: index 7.
    const e = await explainDataRow(model, dataset, 7, DEFAULT_LIME_SETTINGS);
    expect(report.explanation.row).toBe(8);
    expect(report.explanation.id).toBeNull();
    expect(report.model.accuracy).toBe(model.metrics.task === 'classification' && model.metrics.accuracy);
    expect(report.explanation.weights).toEqual(
      e.weights.map(({ feature, condition, weight }) => ({ feature, condition, weight })),
    );
    expect(report.explanation.weights).toHaveLength(8);
    expect(report.explanation.label).toBe(e.label === 1 ? 'malignant' : 'benign');
    const p = report.explanation.probabilities;
    expect(p.benign + p.malignant).toBeCloseTo(1, 12);
    expect(report.importances).toHaveLength(30);
  });

  it('honours --seed, --trees, --num-features and --num-samples', async () => {
    const { out } = await run([
      'explain',
      '--data',
      breastCancer,
      '--row',
      '1',
      '--json',
      '--seed',
      '3',
      '--trees',
      '10',
      '--num-features',
      '4',
      '--num-samples',
      '500',
    ]);
    const report = JSON.parse(out);
    expect(report.explanation.weights).toHaveLength(4);
  });

  it('prints readable tables without --json', async () => {
    const { code, out } = await run(['explain', '--data', breastCancer, '--row', '1']);
    expect(code).toBe(0);
    expect(out).toMatch(/breast_cancer\.csv: 569 rows, 30 features, target 'diagnosis'/);
    expect(out).toMatch(/455 train \/ 114 test/);
    expect(out).toMatch(/worst (area|radius|perimeter|concave points) > /);
    expect(out).toMatch(/Explanation of row 1 for class/);
  });

  it.each([
    [['explain', '--data', path('nope.csv'), '--row', '1'], /nope\.csv.*does not exist/],
    [
      ['explain', '--data', path('../fixtures/data/ragged.csv'), '--row', '1'],
      /ragged\.csv, line 4: expected 3 fields .* found 2/,
    ],
    [
      ['explain', '--data', path('fixtures/one-class.csv'), '--row', '1', '--target', 'outcome'],
      /one-class\.csv.*only one class 'yes'/,
    ],
    [['explain', '--data', breastCancer, '--row', '570'], /569 data rows \(1 to 569\); --row 570 is past/],
    [['explain', '--data', breastCancer, '--row', '0'], /--row must be a whole number from 1 to/],
    [['explain', '--data', breastCancer], /--row or --case is required/],
    [['explain', '--data', breastCancer, '--row', '1', '--case', '7'], /either --row or --case, not both/],
    [['explain', '--data', breastCancer, '--case', '7'], /no identifier column to look up --case 7/],
    [['explain', '--data', patients, '--case', '999'], /patients-id\.csv: no row has Id = '999'/],
    [
      ['explain', '--data', patients, '--case', '1000025'],
      /2 rows have Id = '1000025' \(rows 15, 28\); choose one with --row/,
    ],
    [
      ['explain', '--data', patients, '--row', '1', '--id-column', 'nope'],
      /no column 'nope' to take case IDs/,
    ],
    [['explain', '--data', breastCancer, '--row', 'x'], /--row must be a whole number/],
    [['explain', '--data', breastCancer, '--row', '1', '--target', 'nope'], /no column 'nope'/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
  ])('fails with a specific message on stderr and exit code 2: %j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('runs as `npm run cli` with a non-zero exit code on error', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path('../../src-main/cli/index.ts'),
        'explain',
        '--data',
        path('nope.csv'),
        '--row',
        '1',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: Cannot read .*nope\.csv/);
  });
});

describe('cli explain: row numbers and case IDs', () => {
  it('--row 1 explains the first row under the header; the Id column labels it and is no feature', async () => {
    const { code, out, err } = await run(['explain', '--data', patients, '--row', '1', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.explanation.row).toBe(1);
    // The first data line of the file is `1053760,65,4,9.15,yes`.
    expect(report.explanation.id).toBe('1053760');
    expect(report.importances.map((i: { feature: string }) => i.feature).sort()).toEqual([
      'age',
      'marker',
      'stage',
    ]);
    expect(report.dataset.features).toBe(3);

    const dataset = await readDatasetFile(patients);
    const model = trainModel(dataset, defaultTrainSettings(dataset));
    const e = await explainDataRow(model, dataset, 0, DEFAULT_LIME_SETTINGS);
    expect(e.row).toBe(1);
    expect(e.id).toBe('1053760');
    expect(e.weights.find((w) => w.feature === 'age')?.value).toBe(65);
    expect(report.explanation.weights).toEqual(
      e.weights.map(({ feature, condition, weight }) => ({ feature, condition, weight })),
    );
  });

  it('--case finds a case by its ID and explains the same row as --row', async () => {
    const byCase = JSON.parse(
      (await run(['explain', '--data', patients, '--case', '1024450', '--json'])).out,
    );
    const byRow = JSON.parse((await run(['explain', '--data', patients, '--row', '54', '--json'])).out);
    expect(byCase.explanation.row).toBe(54);
    expect(byCase.explanation.id).toBe('1024450');
    expect(byCase.explanation).toEqual(byRow.explanation);
  });

  it('--id-column none drops the IDs; the text report names row and ID', async () => {
    const none = JSON.parse(
      (await run(['explain', '--data', patients, '--row', '2', '--id-column', 'none', '--json'])).out,
    );
    expect(none.explanation).toMatchObject({ row: 2, id: null });
    const { out } = await run(['explain', '--data', patients, '--row', '2']);
    expect(out).toMatch(/Explanation of row 2 \(ID 1026404\) for class/);
  });

  it('a Korean 환자번호 column is an identifier too: not a feature, labels the cases', async () => {
    const { code, out } = await run(['explain', '--data', patientsKo, '--row', '1', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.dataset.target).toBe('결과');
    expect(report.importances.map((i: { feature: string }) => i.feature)).not.toContain('환자번호');
    expect(report.explanation).toMatchObject({ row: 1, id: '53760' });
  });

  it('a zero-padded ID keeps its zeros: --case 007 finds row 3 and the JSON says "007"', async () => {
    const byCase = JSON.parse(
      (await run(['explain', '--data', patientsPadded, '--case', '007', '--json'])).out,
    );
    expect(byCase.explanation).toMatchObject({ row: 3, id: '007' });
    const byRow = JSON.parse((await run(['explain', '--data', patientsPadded, '--row', '1', '--json'])).out);
    expect(byRow.explanation).toMatchObject({ row: 1, id: '0012' });
    expect(byRow.importances.map((i: { feature: string }) => i.feature)).not.toContain('patient_no');
    const missing = await run(['explain', '--data', patientsPadded, '--case', '7']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no row has patient_no = '7'/);
    const { out } = await run(['explain', '--data', patientsPadded, '--case', '007']);
    expect(out).toMatch(/Explanation of row 3 \(ID 007\)/);
  });
});
