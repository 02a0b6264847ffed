/**
 * The CLI's report files, in English and Korean: PDF text (pdftotext), page count, pages not
 * blank (pdftoppm), metadata (pdfinfo), self-contained HTML, chart PNGs. Needs Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import type { ReportModel } from '../../src-main/contract/report';

const breastCancer = fileURLToPath(new URL('../../assets/samples/breast_cancer.csv', import.meta.url));
const SHA256 = '7e115a871fc47b0002ff74842ddb6b61b08baf51b137f171c34af4d053c0b081';

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

/** Share of pixels darker than near-white on each page, from pdftoppm's 20 dpi greyscale PGM. */
function inkPerPage(pdf: string, pages: number): number[] {
  return Array.from({ length: pages }, (_, i) => {
    const pgm = execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '20',
      '-f',
      String(i + 1),
      '-l',
      String(i + 1),
      pdf,
    ]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const pixels = pgm.subarray(header[0].length);
    let ink = 0;
    for (const v of pixels) if (v < 235) ink++;
    return ink / pixels.length;
  });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

interface Made {
  dir: string;
  report: ReportModel;
  text: string;
  info: string;
  html: string;
}

async function make(lang: 'en' | 'ko'): Promise<Made> {
  const dir = await mkdtemp(join(tmpdir(), `lime-lens-pdf-${lang}-`));
  const { code, out, err } = await run([
    'report',
    '--data',
    breastCancer,
    '--rows',
    '12,40',
    '--trees',
    '30',
    '--lang',
    lang,
    '--author',
    'Dr. Test',
    '--out',
    dir,
  ]);
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(out.trim().split('\n')).toEqual(
    [
      'report.json',
      'report.html',
      'explanations.csv',
      'explanations.json',
      'metrics.csv',
      'report.pdf',
      'charts/roc-curve.png',
      'charts/impurity-importance.png',
      'charts/permutation-importance.png',
      'charts/lime-weights-row-12.png',
      'charts/lime-weights-row-40.png',
      'charts/shap-importance.png',
      'charts/stability-row-12.png',
      'charts/lime-vs-shap-row-12.png',
      'charts/stability-row-40.png',
      'charts/lime-vs-shap-row-40.png',
    ].map((f) => join(dir, f)),
  );
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as ReportModel;
  const pdf = join(dir, 'report.pdf');
  return {
    dir,
    report,
    text: oneLine(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })),
    info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
    html: await readFile(join(dir, 'report.html'), 'utf8'),
  };
}

describe.each(['en', 'ko'] as const)('cli report PDF (%s)', (lang) => {
  let made: Made;
  beforeAll(async () => {
    made = await make(lang);
  }, 240_000);

  it('prints the accuracy, each case with its predicted class and top conditions, and the SHA-256', () => {
    const { report, text } = made;
    const m = report.results.metrics;
    if (m.task !== 'classification') throw new Error('expected classification');
    expect(text).toContain(`${(m.accuracy * 100).toFixed(1)}%`);
    expect(text).toContain(SHA256);
    expect(report.results.cases.map((c) => c.row)).toEqual([12, 40]);
    for (const c of report.results.cases) {
      expect(text).toMatch(lang === 'en' ? `Row ${c.row} ` : new RegExp(`${c.row} ?행`));
      expect(text).toContain(lang === 'en' ? `Predicted class ${c.predicted}` : `예측 클래스 ${c.predicted}`);
      for (const w of c.weights.slice(0, 3)) expect(text).toContain(w.condition);
    }
    expect(text).toContain(lang === 'en' ? 'Limitations' : '한계');
    expect(text).toContain(lang === 'en' ? 'Audit appendix' : '감사 부록');
  });

  it('prints the trust sections: stability and LIME vs SHAP per case, SHAP importance, SP-LIME picks, seeds', () => {
    const { report, text } = made;
    const trust = report.results.trust!;
    expect(report.inputs.trust).toEqual({
      stabilitySeeds: [42, 43, 44, 45, 46, 47, 48, 49, 50, 51],
      stabilitySamples: 5000,
      topK: 3,
      spLimeSeed: 42,
      spLimeSample: 200,
      spLimeBudget: 5,
    });
    const headings =
      lang === 'en'
        ? [
            'Stability over 10 seeded runs',
            'LIME and exact TreeSHAP',
            'Trust: the global picture',
            'Mean |SHAP| over the 114 test rows',
            'Explanations that cover the model (SP-LIME)',
            'Trust figures',
            'seeds 42–51, 5,000 samples each',
          ]
        : [
            '시드 10개로 다시 설명한 안정성',
            'LIME과 정확한 TreeSHAP 비교',
            '신뢰성: 모델 전체',
            '테스트 행 114개의 평균 |SHAP|',
            '모델을 대표하는 설명(SP-LIME)',
            '신뢰성 수치',
            '시드 42–51',
          ];
    // pdftotext may put a space between Latin and Hangul letters: compare without spaces.
    const squeezed = text.replace(/ /g, '');
    for (const h of headings) expect(squeezed).toContain(h.replace(/ /g, ''));
    expect(
      text.split(lang === 'en' ? 'Stability over 10 seeded runs' : '시드 10개로 다시 설명한 안정성'),
    ).toHaveLength(3);
    for (const p of trust.spLime.picks)
      expect(text).toMatch(lang === 'en' ? `Row ${p.row}` : new RegExp(`${p.row} ?행`));
  });

  it('has the case and trust pages after the data and model pages, none blank, with title and page in the footer', () => {
    const { dir, info, text } = made;
    // Title + data, model (2 pages: metrics and ROC, importances), per case its explanation then
    // stability and LIME vs SHAP (2 + 3 pages for these two), global trust, limitations + audit.
    expect(info).toMatch(/^Pages:\s+10$/m);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    const ink = inkPerPage(join(dir, 'report.pdf'), 10);
    for (const share of ink) expect(share).toBeGreaterThan(0.01);
    const title = made.report.presentation.title;
    // pdftotext spaces the footer as "1/10" or "1 / 10" depending on the glyph widths.
    const squeezed = text.replace(/ ?\/ ?/g, '/');
    for (let page = 1; page <= 10; page++) expect(squeezed).toContain(`${title} ${page}/10`);
  });

  it('carries title, author, subject and "Lime Lens <version>" in the metadata', () => {
    const { info, report } = made;
    expect(info).toMatch(new RegExp(`^Title:\\s+${report.presentation.title.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(report.presentation.title).toBe(
      lang === 'en' ? 'Explanation report: breast_cancer.csv' : 'breast_cancer.csv 설명 보고서',
    );
    expect(info).toMatch(/^Author:\s+Dr\. Test$/m);
    expect(info).toMatch(/^Creator:\s+Lime Lens 0\.1\.0$/m);
    expect(info).toMatch(/^Subject:\s+.*breast_cancer\.csv/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('writes a self-contained HTML file: no http(s) reference, no script, the same numbers', () => {
    const { html, report } = made;
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    // ECharts clips with url(#id), a reference inside the document; nothing may point outside it.
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).toContain(SHA256);
    // ROC, two importances, SHAP importance; per case LIME weights, stability and LIME vs SHAP.
    expect((html.match(/<svg/g) ?? []).length).toBe(4 + 3 * report.results.cases.length);
    expect(html).toContain(`<html lang="${lang}">`);
  });

  it('writes the explanations and metrics with the same numbers as report.json', async () => {
    const { dir, report } = made;
    const csv = (await readFile(join(dir, 'explanations.csv'), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(1 + report.results.cases.reduce((n, c) => n + c.weights.length, 0));
    const [first] = report.results.cases;
    expect(csv[1].split(',').slice(0, 4)).toEqual(['12', '', String(first.actual), String(first.predicted)]);
    expect(csv[1]).toContain(`,${first.weights[0].weight},`);
    const json = JSON.parse(await readFile(join(dir, 'explanations.json'), 'utf8'));
    expect(json.cases.map((c: { row: number }) => c.row)).toEqual([12, 40]);
    const metrics = await readFile(join(dir, 'metrics.csv'), 'utf8');
    const m = report.results.metrics;
    expect(metrics.split(/\r?\n/)).toContain(`accuracy,,,${m.task === 'classification' ? m.accuracy : NaN}`);
  });

  it('writes one PNG per chart', async () => {
    const files = await readdir(join(made.dir, 'charts'));
    expect(files.sort()).toHaveLength(10);
    const png = await readFile(join(made.dir, 'charts', 'lime-weights-row-12.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the chart's 660 CSS px width.
    expect(png.readUInt32BE(16)).toBe(1320);
  });
});

describe('cli report without a browser', () => {
  it('writes everything but the PDF and PNGs and says how to get them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lime-lens-nobrowser-'));
    const missing = join(dir, 'no-such-chromium');
    const { code, out, err } = await run([
      'report',
      '--data',
      breastCancer,
      '--rows',
      '12',
      '--trees',
      '10',
      '--out',
      dir,
      '--browser',
      missing,
    ]);
    expect(code).toBe(0);
    const files = ['report.json', 'report.html', 'explanations.csv', 'explanations.json', 'metrics.csv'];
    expect(out).toBe(files.map((f) => `${join(dir, f)}\n`).join(''));
    expect(err).toContain(
      `note: --browser ${missing} is not an executable file, so report.pdf and charts/*.png were not written.`,
    );
    expect(err).toContain('--browser PATH');
    expect((await readdir(dir)).sort()).toEqual([...files].sort());
  });
});
