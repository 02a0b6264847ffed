/** Parses the CLI's arguments into a typed command, with errors a user can act on. */
import { parseArgs } from 'node:util';
import { UserFacingError } from '../engine/errors';

export interface ExplainCommand {
  readonly command: 'explain';
  readonly data: string;
  readonly target?: string;
  readonly sheet?: string;
  /** Which case: a 1-based data row (the first row under the header is row 1) or a case ID. */
  readonly select: { readonly row: number } | { readonly caseId: string };
  /** Column holding case IDs; null: none; absent: the first identifier column. */
  readonly idColumn?: string | null;
  readonly seed: number;
  readonly trees: number;
  readonly numFeatures: number;
  readonly numSamples: number;
  readonly testFraction: number;
  readonly json: boolean;
}

export interface ReportCommand {
  readonly command: 'report';
  readonly data: string;
  readonly target?: string;
  readonly sheet?: string;
  /** 1-based data rows, or every misclassified / every test case. */
  readonly rows: readonly number[] | 'misclassified' | 'all';
  readonly seed: number;
  readonly trees: number;
  readonly language: 'en' | 'ko';
  readonly title?: string;
  readonly author?: string;
  readonly paper: 'A4' | 'Letter';
  readonly out: string;
  readonly browser?: string;
}

export interface VerifyCommand {
  readonly command: 'verify';
  readonly report: string;
  readonly data: string;
}

export type CliCommand = ExplainCommand | ReportCommand | VerifyCommand | { readonly command: 'help' };

export const USAGE = `Lime Lens CLI

Usage:
  npm run cli -- explain --data FILE [--target COL] (--row N | --case ID) [options]
  npm run cli -- report --data FILE [--target COL] [--sheet NAME] --rows 12,40|misclassified|all
                        [--seed S] [--trees T] [--lang en|ko] [--title TEXT] [--author NAME]
                        [--paper A4|Letter] --out DIR [--browser PATH]
  npm run cli -- verify DIR/report.json --data FILE

Trains a random forest on a stratified train/test split of FILE (CSV, TSV or XLSX)
and explains one case with LIME. Rows are numbered from 1: row 1 is the first row
under the header, as in the app.

Options:
  --data FILE          dataset file (required)
  --target COL         target column (default: a column named like target/diagnosis/label/class/outcome, else the last)
  --sheet NAME         XLSX sheet (default: the first)
  --row N              data row to explain, 1 = first row under the header
  --case ID            or the case whose ID (identifier column) is ID
  --id-column COL      column holding case IDs (default: the first identifier column,
                       e.g. Id, patient_no, 환자번호); 'none' for none
  --seed S             seed for the split, the forest and LIME (default 42)
  --trees T            number of trees (default 100)
  --num-features K     features in the explanation (default 8)
  --num-samples M      LIME samples (default 5000)
  --test-fraction F    test share of the split (default 0.2)
  --json               print one JSON object instead of tables
  -h, --help           this text

report: trains as explain does, explains the given 1-based data rows (or every misclassified or
every test case) and writes DIR/report.pdf, report.html, report.json, explanations.csv,
explanations.json, metrics.csv and charts/*.png. The PDF and PNGs need Chromium: --browser PATH,
else $CHROMIUM_PATH, else a Chromium or Chrome found on the machine.

verify: recomputes every number of a report.json from FILE and the recorded settings; prints
"reproduced: N of N numbers match" or each number that differs (exit code 1).
`;

function integer(
  name: string,
  raw: string | undefined,
  fallback: number | undefined,
  min: number,
  max: number,
): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new UserFacingError(`--${name} is required.\n\n${USAGE}`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserFacingError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

function selectCase(row: string | undefined, caseId: string | undefined): ExplainCommand['select'] {
  if (row !== undefined && caseId !== undefined) {
    throw new UserFacingError('Give either --row or --case, not both.');
  }
  if (caseId !== undefined) {
    if (caseId.trim() === '') throw new UserFacingError('--case needs an ID, got an empty string.');
    return { caseId: caseId.trim() };
  }
  if (row === undefined) throw new UserFacingError(`--row or --case is required.\n\n${USAGE}`);
  return { row: integer('row', row, undefined, 1, Number.MAX_SAFE_INTEGER) };
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        target: { type: 'string' },
        sheet: { type: 'string' },
        row: { type: 'string' },
        case: { type: 'string' },
        'id-column': { type: 'string' },
        seed: { type: 'string' },
        trees: { type: 'string' },
        'num-features': { type: 'string' },
        'num-samples': { type: 'string' },
        'test-fraction': { type: 'string' },
        json: { type: 'boolean', default: false },
        rows: { type: 'string' },
        lang: { type: 'string' },
        title: { type: 'string' },
        author: { type: 'string' },
        paper: { type: 'string' },
        out: { type: 'string' },
        browser: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UserFacingError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { command: 'help' };
  if (positionals[0] === 'report' && positionals.length === 1) return reportCommand(values);
  if (positionals[0] === 'verify') {
    if (positionals.length !== 2) throw new UserFacingError(`verify takes one report.json.\n\n${USAGE}`);
    if (!values.data) throw new UserFacingError(`--data is required.\n\n${USAGE}`);
    return { command: 'verify', report: positionals[1], data: values.data };
  }
  if (positionals[0] !== 'explain' || positionals.length > 1) {
    throw new UserFacingError(`Unknown command '${positionals.join(' ')}'.\n\n${USAGE}`);
  }
  if (!values.data) throw new UserFacingError(`--data is required.\n\n${USAGE}`);
  const testFraction = values['test-fraction'] === undefined ? 0.2 : Number(values['test-fraction']);
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new UserFacingError(`--test-fraction must be between 0 and 1, got '${values['test-fraction']}'.`);
  }
  return {
    command: 'explain',
    data: values.data,
    ...(values.target !== undefined && { target: values.target }),
    ...(values.sheet !== undefined && { sheet: values.sheet }),
    select: selectCase(values.row, values.case),
    ...(values['id-column'] !== undefined && {
      idColumn: values['id-column'] === 'none' ? null : values['id-column'],
    }),
    seed: integer('seed', values.seed, 42, 0, 2 ** 32 - 1),
    trees: integer('trees', values.trees, 100, 1, 5000),
    numFeatures: integer('num-features', values['num-features'], 8, 1, 1000),
    numSamples: integer('num-samples', values['num-samples'], 5000, 10, 1_000_000),
    testFraction,
    json: values.json ?? false,
  };
}

function parseRows(raw: string | undefined): ReportCommand['rows'] {
  if (raw === undefined) throw new UserFacingError(`--rows is required.\n\n${USAGE}`);
  if (raw === 'misclassified' || raw === 'all') return raw;
  const rows = raw.split(',').map((part) => part.trim());
  if (rows.some((r) => !/^[1-9]\d*$/.test(r))) {
    throw new UserFacingError(
      `--rows takes 1-based row numbers separated by commas (e.g. 12,40), 'misclassified' or 'all'; got '${raw}'.`,
    );
  }
  return [...new Set(rows.map(Number))];
}

function reportCommand(values: Record<string, string | boolean | undefined>): ReportCommand {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const data = str('data');
  if (!data) throw new UserFacingError(`--data is required.\n\n${USAGE}`);
  const out = str('out');
  if (!out) throw new UserFacingError(`--out is required.\n\n${USAGE}`);
  const lang = str('lang') ?? 'en';
  if (lang !== 'en' && lang !== 'ko') throw new UserFacingError(`--lang must be en or ko, got '${lang}'.`);
  const paper = str('paper') ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter')
    throw new UserFacingError(`--paper must be A4 or Letter, got '${paper}'.`);
  const optional = (k: string, key: string) => (str(k) !== undefined ? { [key]: str(k) } : {});
  return {
    command: 'report',
    data,
    ...optional('target', 'target'),
    ...optional('sheet', 'sheet'),
    rows: parseRows(str('rows')),
    seed: integer('seed', str('seed'), 42, 0, 2 ** 32 - 1),
    trees: integer('trees', str('trees'), 100, 1, 5000),
    language: lang,
    ...optional('title', 'title'),
    ...optional('author', 'author'),
    paper,
    out,
    ...optional('browser', 'browser'),
  };
}
