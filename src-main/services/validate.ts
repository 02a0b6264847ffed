/**
 * Argument validators for every invoke channel. Main runs them on whatever arrives
 * over IPC before a handler sees it: the renderer shows files from anywhere, so it is
 * treated as untrusted — exact shape (no unknown keys), types, sizes and ranges.
 */
import { isAbsolute } from 'node:path';
import type {
  DataExportKind,
  DataExportRequest,
  ExplainManyRequest,
  OpenProjectRequest,
  ProjectViewDTO,
  SaveProjectRequest,
  DiscretizerName,
  ExplainRequest,
  InvokeChannel,
  InvokeMap,
  LimeSettingsDTO,
  MaxFeatures,
  ModelSettingsDTO,
  Task,
} from '../contract/ipc';
import { MAX_ROWS_PER_REQUEST } from '../contract/ipc';
import { MAX_BATCH_ROWS } from '../contract/ipc';
import { columnChoices } from './validateColumnChoices';
import { isNetworkOrDevicePath } from './localPath';
import { trustValidators } from './validateTrust';
import {
  MAX_REPORT_CASES,
  MAX_REPORT_TITLE,
  REPORT_SECTIONS,
  type ReportFormat,
  type ReportLanguage,
  type ReportPaper,
  type ReportPresentation,
  type ReportRequest,
  type SaveReportRequest,
} from '../contract/report';

/** Bad arguments; the message names the field and what was expected, for the renderer to show. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
}

export const LIMITS = {
  maxStringLength: 4096,
  maxNames: 10_000,
  nEstimators: [1, 2000],
  maxDepth: [1, 1000],
  minSamplesLeaf: [1, 100_000],
  maxFeaturesCount: [2, 10_000],
  testFraction: [0.05, 0.9],
  kFolds: [0, 20],
  seed: [0, 0xffff_ffff],
  numFeatures: [1, 100],
  numSamples: [100, 100_000],
  kernelWidth: [1e-6, 1e6],
  label: [0, 9999],
  bins: [1, 500],
} as const satisfies Record<string, number | readonly [number, number]>;

/** Ids minted by main and the worker (datasets, models, jobs) and sample ids. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Range = readonly [number, number];
type Fields = Readonly<Record<string, unknown>>;

export function fail(field: string, expected: string, got?: unknown): never {
  const shown = got === undefined ? '' : ` (got ${describe(got)})`;
  throw new ValidationError(`Invalid request: ${field} must be ${expected}${shown}.`);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return v === null ? 'null' : typeof v;
}

/** A plain object with exactly the allowed keys (required ones present). */
export function record(
  raw: unknown,
  field: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Fields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(field, 'an object', raw);
  const proto = Object.getPrototypeOf(raw) as unknown;
  if (proto !== Object.prototype && proto !== null) fail(field, 'a plain object');
  const obj = raw as Fields;
  for (const key of Object.keys(obj)) {
    if (!required.includes(key) && !optional.includes(key)) fail(`${field}.${key}`, 'absent (unknown field)');
  }
  for (const key of required) if (!(key in obj)) fail(`${field}.${key}`, 'present');
  return obj;
}

/** Non-empty text of at most maxStringLength characters, without NUL characters. */
export function text(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0) fail(field, 'a non-empty string', raw);
  if (raw.length > LIMITS.maxStringLength) fail(field, `at most ${LIMITS.maxStringLength} characters`, raw);
  if (raw.includes('\0')) fail(field, 'free of NUL characters');
  return raw;
}

export function absolutePath(raw: unknown, field: string): string {
  const path = text(raw, field);
  if (isNetworkOrDevicePath(path))
    fail(field, 'a file on this computer (not a network share or device)', path);
  if (!isAbsolute(path)) fail(field, 'an absolute file path', path);
  return path;
}

export function id(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !ID_PATTERN.test(raw)) {
    fail(field, 'an id of 1–64 letters, digits, "_" or "-"', raw);
  }
  return raw;
}

export function integer(raw: unknown, field: string, [min, max]: Range): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    fail(field, `an integer from ${min} to ${max}`, raw);
  }
  return raw;
}

export function number(raw: unknown, field: string, [min, max]: Range): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
    fail(field, `a number from ${min} to ${max}`, raw);
  }
  return raw;
}

function oneOf<T extends string>(raw: unknown, field: string, options: readonly T[]): T {
  if (typeof raw !== 'string' || !(options as readonly string[]).includes(raw)) {
    fail(field, `one of ${options.map((o) => `"${o}"`).join(', ')}`, raw);
  }
  return raw as T;
}

/** Column names: 1..maxNames distinct non-empty strings. */
export function names(raw: unknown, field: string, { allowEmpty = false } = {}): readonly string[] {
  if (!Array.isArray(raw)) fail(field, 'a list of column names', raw);
  if (raw.length > LIMITS.maxNames) fail(field, `at most ${LIMITS.maxNames} names`, raw);
  if (!allowEmpty && raw.length === 0) fail(field, 'at least one column name', raw);
  // An index loop, not raw.map: map skips the holes of a sparse array, which would slip through unchecked.
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) out.push(text(raw[i], `${field}[${i}]`));
  if (new Set(out).size !== out.length) fail(field, 'a list without repeated names');
  return out;
}

function noArgs(raw: unknown, field: string): null {
  if (raw !== null && raw !== undefined) fail(field, 'empty (this request takes no arguments)', raw);
  return null;
}

const TASKS: readonly Task[] = ['classification', 'regression'];
const DISCRETIZERS: readonly DiscretizerName[] = ['quartile', 'decile', 'entropy'];

function maxFeatures(raw: unknown, field: string): MaxFeatures {
  if (typeof raw === 'string') return oneOf(raw, field, ['sqrt', 'log2', 'all'] as const);
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    if (raw > 0 && raw <= 1) return raw;
    if (Number.isInteger(raw) && raw >= LIMITS.maxFeaturesCount[0] && raw <= LIMITS.maxFeaturesCount[1]) {
      return raw;
    }
  }
  return fail(field, '"sqrt", "log2", "all", a fraction in (0, 1] or a feature count from 2 to 10000', raw);
}

export function modelSettings(raw: unknown, field: string): ModelSettingsDTO {
  const s = record(
    raw,
    field,
    [
      'target',
      'task',
      'features',
      'nEstimators',
      'maxDepth',
      'maxFeatures',
      'minSamplesLeaf',
      'testFraction',
      'seed',
      'kFolds',
    ],
    ['idColumn', 'columnTypes', 'identifiers'],
  );
  const target = text(s.target, `${field}.target`);
  const features = names(s.features, `${field}.features`);
  if (features.includes(target)) fail(`${field}.features`, `a list without the target "${target}"`);
  return {
    target,
    task: oneOf(s.task, `${field}.task`, TASKS),
    features,
    nEstimators: integer(s.nEstimators, `${field}.nEstimators`, LIMITS.nEstimators),
    maxDepth: s.maxDepth === null ? null : integer(s.maxDepth, `${field}.maxDepth`, LIMITS.maxDepth),
    maxFeatures: maxFeatures(s.maxFeatures, `${field}.maxFeatures`),
    minSamplesLeaf: integer(s.minSamplesLeaf, `${field}.minSamplesLeaf`, LIMITS.minSamplesLeaf),
    testFraction: number(s.testFraction, `${field}.testFraction`, LIMITS.testFraction),
    seed: integer(s.seed, `${field}.seed`, LIMITS.seed),
    kFolds: integer(s.kFolds, `${field}.kFolds`, LIMITS.kFolds),
    ...columnChoices(s, field),
  };
}

export function limeSettings(raw: unknown, field: string): LimeSettingsDTO {
  const s = record(raw, field, ['numFeatures', 'numSamples', 'kernelWidth', 'discretizer', 'seed']);
  return {
    numFeatures: integer(s.numFeatures, `${field}.numFeatures`, LIMITS.numFeatures),
    numSamples: integer(s.numSamples, `${field}.numSamples`, LIMITS.numSamples),
    kernelWidth:
      s.kernelWidth === null ? null : number(s.kernelWidth, `${field}.kernelWidth`, LIMITS.kernelWidth),
    discretizer: s.discretizer === null ? null : oneOf(s.discretizer, `${field}.discretizer`, DISCRETIZERS),
    seed: integer(s.seed, `${field}.seed`, LIMITS.seed),
  };
}

export function explainRequest(raw: unknown, field: string): ExplainRequest {
  const r = record(raw, field, ['modelId', 'row', 'settings'], ['label']);
  const base = {
    modelId: id(r.modelId, `${field}.modelId`),
    row: integer(r.row, `${field}.row`, [1, Number.MAX_SAFE_INTEGER]),
    settings: limeSettings(r.settings, `${field}.settings`),
  };
  return r.label === undefined ? base : { ...base, label: integer(r.label, `${field}.label`, LIMITS.label) };
}

// ---------------------------------------------------------------- exports and projects (issue #8)

/** A whole scrolled view at 2× fits easily; more is not an image we made. */
export const MAX_PNG_DATA_URL_CHARS = 80 * 1024 * 1024;
/** Report choices are a handful of switches and names. */
export const MAX_REPORT_CHOICES_CHARS = 64 * 1024;
const PNG_PREFIX = 'data:image/png;base64,';
const DATA_EXPORT_KINDS: readonly DataExportKind[] = [
  'explanations-csv',
  'explanations-json',
  'metrics-csv',
  'importances-csv',
];

/** A PNG data URL; its bytes are checked again (signature, header) when decoded. */
export function pngDataUrl(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !raw.startsWith(PNG_PREFIX)) fail(field, `a "${PNG_PREFIX}…" image`);
  if (raw.length > MAX_PNG_DATA_URL_CHARS) fail(field, `at most ${MAX_PNG_DATA_URL_CHARS} characters`);
  return raw;
}

/** A suggested file name: no folders, no control characters. */
export function fileName(raw: unknown, field: string): string {
  const name = text(raw, field);
  if (name.length > 200 || /[\\/:*?"<>|\p{Cc}]/u.test(name) || name.startsWith('.'))
    fail(field, 'a file name without folders or special characters');
  return name;
}

function dataRows(raw: unknown, field: string, max: number): readonly number[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > max) fail(field, `a list of 1 to ${max} rows`);
  return raw.map((r: unknown, i) => integer(r, `${field}[${i}]`, [1, Number.MAX_SAFE_INTEGER]));
}

export function projectView(raw: unknown, field: string): ProjectViewDTO {
  const v = record(raw, field, ['view', 'limeSettings', 'explainRow', 'explainLabel'], ['report']);
  if (v.view !== 'data' && v.view !== 'model' && v.view !== 'explain' && v.view !== 'report')
    fail(`${field}.view`, 'one of "data", "model", "explain", "report"');
  const nullable = (x: unknown, name: string, range: readonly [number, number]) =>
    x === null ? null : integer(x, `${field}.${name}`, range);
  let report: unknown;
  if (v.report !== undefined) {
    const json = JSON.stringify(v.report);
    if (json === undefined || json.length > MAX_REPORT_CHOICES_CHARS)
      fail(`${field}.report`, `plain data of at most ${MAX_REPORT_CHOICES_CHARS} characters`);
    report = JSON.parse(json) as unknown;
  }
  return {
    view: v.view,
    limeSettings: limeSettings(v.limeSettings, `${field}.limeSettings`),
    explainRow: nullable(v.explainRow, 'explainRow', [1, Number.MAX_SAFE_INTEGER]),
    explainLabel: nullable(v.explainLabel, 'explainLabel', LIMITS.label),
    ...(report !== undefined && { report }),
  };
}

const exportValidators = {
  'model:explain-many': (raw: unknown): { jobId: string; request: ExplainManyRequest } => {
    const a = record(raw, 'args', ['jobId', 'request']);
    const r = record(a.request, 'request', ['modelId', 'rows', 'settings']);
    return {
      jobId: id(a.jobId, 'jobId'),
      request: {
        modelId: id(r.modelId, 'request.modelId'),
        rows: dataRows(r.rows, 'request.rows', MAX_BATCH_ROWS),
        settings: limeSettings(r.settings, 'request.settings'),
      },
    };
  },
  'export:save-png': (raw: unknown): { png: string; name: string } => {
    const a = record(raw, 'args', ['png', 'name']);
    return { png: pngDataUrl(a.png, 'png'), name: fileName(a.name, 'name') };
  },
  'export:copy-png': (raw: unknown): { png: string } => {
    const a = record(raw, 'args', ['png']);
    return { png: pngDataUrl(a.png, 'png') };
  },
  'export:save-data': (raw: unknown): DataExportRequest => {
    const a = record(raw, 'args', ['kind', 'modelId'], ['rows']);
    if (!DATA_EXPORT_KINDS.includes(a.kind as DataExportKind))
      fail('kind', `one of ${DATA_EXPORT_KINDS.map((k) => `"${k}"`).join(', ')}`);
    return {
      kind: a.kind as DataExportKind,
      modelId: id(a.modelId, 'modelId'),
      ...(a.rows !== undefined && { rows: dataRows(a.rows, 'rows', MAX_BATCH_ROWS) }),
    };
  },
  'project:save': (raw: unknown): SaveProjectRequest => {
    const a = record(raw, 'args', ['datasetId', 'modelId', 'view', 'saveAs']);
    if (typeof a.saveAs !== 'boolean') fail('saveAs', 'true or false');
    return {
      datasetId: id(a.datasetId, 'datasetId'),
      modelId: id(a.modelId, 'modelId'),
      view: projectView(a.view, 'view'),
      saveAs: a.saveAs,
    };
  },
  'project:open': (raw: unknown): OpenProjectRequest => {
    const a = record(raw ?? {}, 'args', [], ['path', 'locate', 'dataPath', 'retrain']);
    if (a.retrain !== undefined && typeof a.retrain !== 'boolean') fail('retrain', 'true or false');
    if (a.locate !== undefined && typeof a.locate !== 'boolean') fail('locate', 'true or false');
    return {
      ...(a.locate === true && { locate: true }),
      ...(a.path !== undefined && { path: absolutePath(a.path, 'path') }),
      ...(a.dataPath !== undefined && { dataPath: absolutePath(a.dataPath, 'dataPath') }),
      ...(a.retrain === true && { retrain: true }),
    };
  },
};

// ---------------------------------------------------------------- reports (issue #8 §2–3)

const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'ko'];
const REPORT_PAPERS: readonly ReportPaper[] = ['A4', 'Letter'];
const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html', 'json'];

/** Free text that may be empty (the author), at most `max` characters, without NUL. */
function optionalText(raw: unknown, field: string, max: number): string {
  if (typeof raw !== 'string') fail(field, 'a string', raw);
  if (raw.length > max) fail(field, `at most ${max} characters`, raw);
  if (raw.includes('\0')) fail(field, 'free of NUL characters');
  return raw;
}

export function reportPresentation(raw: unknown, field: string): ReportPresentation {
  const p = record(raw, field, ['title', 'author', 'language', 'paper', 'sections']);
  const title = optionalText(p.title, `${field}.title`, MAX_REPORT_TITLE).trim();
  if (!title) fail(`${field}.title`, 'a non-empty title');
  if (!Array.isArray(p.sections)) fail(`${field}.sections`, 'a list of sections', p.sections);
  const sections = p.sections.map((s: unknown, i) => oneOf(s, `${field}.sections[${i}]`, REPORT_SECTIONS));
  if (new Set(sections).size !== sections.length) fail(`${field}.sections`, 'a list without repeats');
  return {
    title,
    author: optionalText(p.author, `${field}.author`, MAX_REPORT_TITLE).trim(),
    language: oneOf(p.language, `${field}.language`, REPORT_LANGUAGES),
    paper: oneOf(p.paper, `${field}.paper`, REPORT_PAPERS),
    sections,
  };
}

const reportValidators = {
  'report:build': (raw: unknown): { jobId: string; request: ReportRequest } => {
    const a = record(raw, 'args', ['jobId', 'request']);
    const r = record(a.request, 'request', ['modelId', 'rows', 'lime', 'presentation']);
    if (!Array.isArray(r.rows) || r.rows.length === 0 || r.rows.length > MAX_REPORT_CASES)
      fail('request.rows', `a list of 1 to ${MAX_REPORT_CASES} rows`);
    const rows = r.rows.map((x: unknown, i) =>
      integer(x, `request.rows[${i}]`, [1, Number.MAX_SAFE_INTEGER]),
    );
    if (new Set(rows).size !== rows.length) fail('request.rows', 'a list without repeated rows');
    return {
      jobId: id(a.jobId, 'jobId'),
      request: {
        modelId: id(r.modelId, 'request.modelId'),
        rows,
        lime: limeSettings(r.lime, 'request.lime'),
        presentation: reportPresentation(r.presentation, 'request.presentation'),
      },
    };
  },
  'report:save': (raw: unknown): SaveReportRequest => {
    const a = record(raw, 'args', ['reportId', 'presentation', 'format']);
    if (typeof a.reportId !== 'string' || !/^report-[0-9a-f-]{36}$/.test(a.reportId))
      fail('reportId', 'a report id from report:build', a.reportId);
    return {
      reportId: a.reportId,
      presentation: reportPresentation(a.presentation, 'presentation'),
      format: oneOf(a.format, 'format', REPORT_FORMATS),
    };
  },
};

type Validators = { readonly [C in InvokeChannel]: (raw: unknown) => InvokeMap[C]['args'] };

/**
 * One validator per channel: returns a fresh object holding only the validated fields
 * (so nothing else the renderer sent reaches a handler) or throws ValidationError.
 */
export const validators: Validators = {
  'app:info': (raw) => noArgs(raw, 'app:info'),
  'dataset:open-dialog': (raw) => noArgs(raw, 'dataset:open-dialog'),
  'dataset:open-path': (raw) => {
    const a = record(raw, 'args', ['path'], ['sheet']);
    const path = absolutePath(a.path, 'path');
    return a.sheet === undefined ? { path } : { path, sheet: text(a.sheet, 'sheet') };
  },
  'dataset:open-sample': (raw) => {
    const a = record(raw, 'args', ['sampleId']);
    return { sampleId: id(a.sampleId, 'sampleId') };
  },
  'dataset:samples': (raw) => noArgs(raw, 'dataset:samples'),
  'dataset:recent': (raw) => noArgs(raw, 'dataset:recent'),
  'dataset:rows': (raw) => {
    const a = record(raw, 'args', ['datasetId', 'offset', 'limit']);
    return {
      datasetId: id(a.datasetId, 'datasetId'),
      offset: integer(a.offset, 'offset', [0, Number.MAX_SAFE_INTEGER]),
      limit: integer(a.limit, 'limit', [0, MAX_ROWS_PER_REQUEST]),
    };
  },
  'dataset:correlation': (raw) => {
    const a = record(raw, 'args', ['datasetId', 'order'], ['columns']);
    const base = {
      datasetId: id(a.datasetId, 'datasetId'),
      order: oneOf(a.order, 'order', ['original', 'clustered'] as const),
    };
    return a.columns === undefined
      ? base
      : { ...base, columns: names(a.columns, 'columns', { allowEmpty: true }) };
  },
  'dataset:feature-distribution': (raw) => {
    const a = record(raw, 'args', ['datasetId', 'feature', 'target'], ['bins']);
    const base = {
      datasetId: id(a.datasetId, 'datasetId'),
      feature: text(a.feature, 'feature'),
      target: text(a.target, 'target'),
    };
    return a.bins === undefined ? base : { ...base, bins: integer(a.bins, 'bins', LIMITS.bins) };
  },
  'model:train': (raw) => {
    const a = record(raw, 'args', ['jobId', 'datasetId', 'settings']);
    return {
      jobId: id(a.jobId, 'jobId'),
      datasetId: id(a.datasetId, 'datasetId'),
      settings: modelSettings(a.settings, 'settings'),
    };
  },
  'model:explain': (raw) => {
    const a = record(raw, 'args', ['jobId', 'request']);
    return { jobId: id(a.jobId, 'jobId'), request: explainRequest(a.request, 'request') };
  },
  'job:cancel': (raw) => {
    const a = record(raw, 'args', ['jobId']);
    return { jobId: id(a.jobId, 'jobId') };
  },
  'dataset:dropped-path': (raw) => {
    const a = record(raw, 'args', ['path']);
    return { path: absolutePath(a.path, 'path') };
  },
  'model:permutation': (raw) => {
    const a = record(raw, 'args', ['jobId', 'modelId']);
    return { jobId: id(a.jobId, 'jobId'), modelId: id(a.modelId, 'modelId') };
  },
  ...trustValidators,
  ...exportValidators,
  ...reportValidators,
};
