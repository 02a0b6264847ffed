import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import type { ReportModel } from '../../src-main/contract/report';

const path = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const breastCancer = path('../../assets/samples/breast_cancer.csv');

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

let dir: string;
let report: ReportModel;
let csvLines: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-lens-report-'));
  const { code, err } = await run([
    'report',
    '--data',
    breastCancer,
    '--rows',
    '12,40',
    '--out',
    dir,
    '--trees',
    '30',
  ]);
  expect(err.replace(/^note:.*\n/gm, '')).toBe('');
  expect(code).toBe(0);
  report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as ReportModel;
  csvLines = (await readFile(breastCancer, 'utf8')).trim().split(/\r?\n/);
}, 120_000);

describe('cli report: report.json', () => {
  it('records the file, its SHA-256 and the settings that made the numbers', async () => {
    const bytes = await readFile(breastCancer);
    expect(report.inputs.file).toEqual({
      name: 'breast_cancer.csv',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(report.inputs.file.sha256).toBe(
      '7e115a871fc47b0002ff74842ddb6b61b08baf51b137f171c34af4d053c0b081',
    );
    expect(report.inputs.rows).toEqual([12, 40]);
    expect(report.inputs.train).toMatchObject({
      target: 'diagnosis',
      nEstimators: 30,
      seed: 42,
      testFraction: 0.2,
    });
    expect(report.inputs.lime).toEqual({
      numFeatures: 8,
      numSamples: 5000,
      kernelWidth: null,
      discretizer: 'quartile',
      seed: 42,
    });
    expect(report.results.split).toEqual({ train: 455, test: 114 });
    expect(report.results.data.classBalance).toEqual([
      { label: 'benign', count: 357 },
      { label: 'malignant', count: 212 },
    ]);
  });

  it('numbers rows from 1 like the file: row 12 is the 12th data line', () => {
    const header = csvLines[0].split(',');
    const worstArea = header.indexOf('worst area');
    const [first, second] = report.results.cases;
    expect(first.row).toBe(12);
    expect(second.row).toBe(40);
    const areaOf = (c: typeof first) => c.weights.find((w) => w.feature === 'worst area')?.value;
    for (const c of [first, second]) {
      const cells = csvLines[c.row].split(',');
      expect(c.actual).toBe(cells[header.indexOf('diagnosis')]);
      if (areaOf(c) !== undefined) expect(areaOf(c)).toBe(Number(cells[worstArea]));
      expect(c.probabilities!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(c.weights).toHaveLength(8);
      expect(Math.abs(c.weights[0].weight)).toBeGreaterThanOrEqual(Math.abs(c.weights[7].weight));
    }
  });
});

describe('cli verify', () => {
  it('reproduces a fresh report', async () => {
    const { code, out } = await run(['verify', join(dir, 'report.json'), '--data', breastCancer]);
    expect(out).toMatch(/^reproduced: (\d+) of \1 numbers match\n$/);
    expect(Number(/(\d+) of/.exec(out)![1])).toBeGreaterThan(200);
    expect(code).toBe(0);
  });

  it('names the one weight that was changed and exits 1', async () => {
    const tampered = structuredClone(report) as unknown as {
      results: { cases: { weights: { weight: number }[] }[] };
    };
    const original = tampered.results.cases[1].weights[2].weight;
    tampered.results.cases[1].weights[2].weight = original + 0.01;
    const file = join(dir, 'tampered.json');
    await writeFile(file, JSON.stringify(tampered));
    const { code, out } = await run(['verify', file, '--data', breastCancer]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^not reproduced: (\d+) of (\d+) numbers match; these differ:$/);
    const [, matching, total] = /(\d+) of (\d+)/.exec(lines[0])!.map(Number);
    expect(total - matching).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `  cases[1].weights[2].weight: report ${JSON.stringify(original + 0.01)}, recomputed ${JSON.stringify(original)}`,
    );
  });

  it('recomputes the trust figures too: a changed stability SD is named; doctored seeds are refused', async () => {
    const tampered = structuredClone(report) as unknown as {
      results: { trust: { cases: { stability: { features: { std: number }[] } }[] } };
    };
    const feature = tampered.results.trust.cases[0].stability.features[0];
    const original = feature.std;
    feature.std = original * 2 + 0.001;
    const file = join(dir, 'tampered-trust.json');
    await writeFile(file, JSON.stringify(tampered));
    const { code, out } = await run(['verify', file, '--data', breastCancer]);
    expect(code).toBe(1);
    expect(out.trim().split('\n')[1]).toBe(
      `  trust.cases[0].stability.features[0].std: report ${JSON.stringify(original * 2 + 0.001)}, recomputed ${JSON.stringify(original)}`,
    );
    const doctored = structuredClone(report) as unknown as {
      inputs: { trust: { stabilitySeeds: number[] } };
    };
    doctored.inputs.trust.stabilitySeeds = Array.from({ length: 1000 }, (_, i) => i);
    await writeFile(file, JSON.stringify(doctored));
    const refused = await run(['verify', file, '--data', breastCancer]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('"inputs.trust.stabilitySeeds" must list 1 to 100 integer seeds');
  });

  it('says when the data file differs and exits 1', async () => {
    const changed = [...csvLines];
    const cells = changed[100].split(',');
    cells[0] = String(Number(cells[0]) * 3);
    changed[100] = cells.join(',');
    const file = join(dir, 'breast_cancer.csv');
    await writeFile(file, `${changed.join('\n')}\n`);
    const { code, out } = await run(['verify', join(dir, 'report.json'), '--data', file]);
    expect(code).toBe(1);
    expect(out).toContain(
      `the report was made from breast_cancer.csv with SHA-256 ${report.inputs.file.sha256}`,
    );
    expect(out).toMatch(/^data file differs: /);
  });

  it('rejects a file that is not a report with a message naming it', async () => {
    const file = join(dir, 'not-a-report.json');
    await writeFile(file, '{"schema":"something-else"}');
    const { code, err } = await run(['verify', file, '--data', breastCancer]);
    expect(code).toBe(2);
    expect(err).toBe(
      `error: ${file} is not a Lime Lens report.json: "schema" is "something-else", expected "lime-lens-report/1".\n`,
    );
  });
});
