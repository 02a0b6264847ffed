import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import { safeForTerminal } from '../../src-main/cli/terminalText';

const ESC = '\u001b';
const BEL = '\u0007';
/** Any control character but the newlines of our own output, or a bidi override. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-cli-ctl-'));
  file = join(dir, 'hostile.csv');
  // Column and class names that set the window title, clear the screen, recolour and reverse text.
  const header = [`"age${ESC}]0;pwned${BEL}"`, `"dose${ESC}[2J${ESC}[H"`, `"outcome\u009b31m"`].join(',');
  const rows: string[] = [];
  for (let i = 0; i < 60; i++) {
    const yes = i % 2 === 0;
    rows.push(
      `${20 + (i % 13)},${yes ? 5 + (i % 7) : 1 + (i % 3)},${yes ? `"sick${ESC}[31m"` : '"well\u202e"'}`,
    );
  }
  await writeFile(file, `${header}\n${rows.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the CLI never hands control characters from a data file to the terminal', () => {
  it('strips C0/C1 controls and bidi overrides, keeping the visible text', () => {
    expect(safeForTerminal(`a${ESC}]0;t${BEL}b\u009b2Jc\u202ed\te\nf`)).toBe('a]0;tb2Jcdef');
    expect(safeForTerminal('x\ny\r\n', { keepNewlines: true })).toBe('x\ny\n');
    expect(safeForTerminal('한국어 é ü — 95%')).toBe('한국어 é ü — 95%');
  });

  it('text report: names appear without their escape sequences', async () => {
    const { code, out, err } = await run([
      'explain',
      '--data',
      file,
      '--target',
      `outcome\u009b31m`,
      '--row',
      '1',
      '--trees',
      '10',
      '--num-samples',
      '500',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain("target 'outcome31m' (classification: sick[31m / well)");
    expect(out).toMatch(/age\]0;pwned/);
    expect(out).toMatch(/dose\[2J\[H/);
  });

  it('JSON report: the same names, cleaned, in keys and values', async () => {
    const { code, out } = await run([
      'explain',
      '--data',
      file,
      '--target',
      `outcome\u009b31m`,
      '--row',
      '1',
      '--trees',
      '10',
      '--num-samples',
      '500',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out).not.toMatch(UNSAFE);
    const report = JSON.parse(out);
    expect(report.dataset.target).toBe('outcome31m');
    expect(report.dataset.classes).toEqual(['sick[31m', 'well']);
    expect(Object.keys(report.explanation.probabilities)).toEqual(['sick[31m', 'well']);
    expect(report.importances.map((f: { feature: string }) => f.feature).sort()).toEqual([
      'age]0;pwned',
      'dose[2J[H',
    ]);
  });

  it('an error message quoting a hostile name is cleaned too', async () => {
    const { code, out, err } = await run([
      'explain',
      '--data',
      file,
      '--target',
      `nope${ESC}[2J`,
      '--row',
      '1',
    ]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^error: /);
    expect(err).toContain('nope[2J');
    expect(err.slice(0, -1)).not.toMatch(UNSAFE);
  });
});
