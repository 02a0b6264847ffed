/** Parses the CLI's arguments into a typed command, with errors a user can act on. */
import { parseArgs } from 'node:util';
import { UserFacingError } from '../engine/errors';

export interface ExplainCommand {
  readonly command: 'explain';
  readonly data: string;
  readonly target?: string;
  readonly sheet?: string;
  readonly row: number;
  readonly seed: number;
  readonly trees: number;
  readonly numFeatures: number;
  readonly numSamples: number;
  readonly testFraction: number;
  readonly json: boolean;
}

export type CliCommand = ExplainCommand | { readonly command: 'help' };

export const USAGE = `Lime Lens CLI

Usage:
  npm run cli -- explain --data FILE [--target COL] --row N [options]

Trains a random forest on a stratified train/test split of FILE (CSV, TSV or XLSX)
and explains the N-th data row (0-based, header excluded) with LIME.

Options:
  --data FILE          dataset file (required)
  --target COL         target column (default: a column named like target/diagnosis/label/class/outcome, else the last)
  --sheet NAME         XLSX sheet (default: the first)
  --row N              0-based data row to explain (required)
  --seed S             seed for the split, the forest and LIME (default 42)
  --trees T            number of trees (default 100)
  --num-features K     features in the explanation (default 8)
  --num-samples M      LIME samples (default 5000)
  --test-fraction F    test share of the split (default 0.2)
  --json               print one JSON object instead of tables
  -h, --help           this text
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
        seed: { type: 'string' },
        trees: { type: 'string' },
        'num-features': { type: 'string' },
        'num-samples': { type: 'string' },
        'test-fraction': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UserFacingError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { command: 'help' };
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
    row: integer('row', values.row, undefined, 0, Number.MAX_SAFE_INTEGER),
    seed: integer('seed', values.seed, 42, 0, 2 ** 32 - 1),
    trees: integer('trees', values.trees, 100, 1, 5000),
    numFeatures: integer('num-features', values['num-features'], 8, 1, 1000),
    numSamples: integer('num-samples', values['num-samples'], 5000, 10, 1_000_000),
    testFraction,
    json: values.json ?? false,
  };
}
