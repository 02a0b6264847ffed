/** Reads a report.json back, with errors that say what is wrong with the file. Pure. */
import { REPORT_SCHEMA, type ReportModel } from '../../contract/report';
import { UserFacingError } from '../errors';

function fail(file: string, what: string): never {
  throw new UserFacingError(`${file} is not a Lime Lens report.json: ${what}.`, { file });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isInt = (v: unknown, lo: number, hi: number) =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** The trust settings bound the work `verify` does, so a doctored file cannot make it run for days. */
function checkTrustInputs(trust: unknown, file: string): void {
  if (!isObject(trust)) fail(file, '"inputs.trust" is not an object');
  const seeds = trust.stabilitySeeds;
  if (
    !Array.isArray(seeds) ||
    seeds.length < 1 ||
    seeds.length > 100 ||
    !seeds.every((s) => isInt(s, -(2 ** 31), 2 ** 31))
  )
    fail(file, '"inputs.trust.stabilitySeeds" must list 1 to 100 integer seeds');
  const bounds: [string, number, number][] = [
    ['stabilitySamples', 10, 100_000],
    ['topK', 1, 100],
    ['spLimeSeed', -(2 ** 31), 2 ** 31],
    ['spLimeSample', 2, 5000],
    ['spLimeBudget', 1, 50],
  ];
  for (const [key, lo, hi] of bounds)
    if (!isInt(trust[key], lo, hi))
      fail(file, `"inputs.trust.${key}" must be an integer from ${lo} to ${hi}`);
}

/** Parses and checks the parts `verify` needs (inputs and results); `file` names the file in errors. */
export function parseReportJson(text: string, file: string): ReportModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    fail(file, `it is not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) fail(file, 'the top level is not an object');
  if (doc.schema !== REPORT_SCHEMA)
    fail(file, `"schema" is ${JSON.stringify(doc.schema)}, expected "${REPORT_SCHEMA}"`);
  const inputs = doc.inputs;
  if (!isObject(inputs)) fail(file, '"inputs" is missing');
  const f = inputs.file;
  if (
    !isObject(f) ||
    typeof f.name !== 'string' ||
    typeof f.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(f.sha256)
  ) {
    fail(file, '"inputs.file" needs a name and a 64-digit hex sha256');
  }
  const train = inputs.train;
  if (!isObject(train) || typeof train.target !== 'string' || !Array.isArray(train.features)) {
    fail(file, '"inputs.train" needs a target and features');
  }
  for (const key of ['nEstimators', 'minSamplesLeaf', 'testFraction', 'seed', 'kFolds'] as const) {
    if (typeof train[key] !== 'number') fail(file, `"inputs.train.${key}" is not a number`);
  }
  if (train.task !== 'classification' && train.task !== 'regression')
    fail(file, '"inputs.train.task" is unknown');
  const lime = inputs.lime;
  if (
    !isObject(lime) ||
    typeof lime.numFeatures !== 'number' ||
    typeof lime.numSamples !== 'number' ||
    typeof lime.seed !== 'number'
  ) {
    fail(file, '"inputs.lime" needs numFeatures, numSamples and seed');
  }
  const rows = inputs.rows;
  if (!Array.isArray(rows) || !rows.every((r) => Number.isInteger(r) && r >= 1)) {
    fail(file, '"inputs.rows" must list 1-based row numbers');
  }
  if (inputs.trust !== undefined) checkTrustInputs(inputs.trust, file);
  if (!isObject(doc.results)) fail(file, '"results" is missing');
  return doc as unknown as ReportModel;
}
