/**
 * Model and LIME settings forms: defaults and validation into the contract's DTOs. Pure, so the
 * rules are unit-tested; the forms show the returned message keys next to the fields.
 */
import type { DiscretizerName, LimeSettingsDTO, MaxFeatures, ModelSettingsDTO, Task } from '../contract';
import type { MessageKey } from '../i18n/translate';
import type { Selection } from './selection';

/** Raw field values as inputs hold them (a number input may give a number, a string or null). */
export type FieldValue = string | number | null | undefined;

export interface ModelForm {
  nEstimators: FieldValue;
  maxDepth: FieldValue;
  maxFeaturesMode: 'sqrt' | 'log2' | 'all' | 'number';
  maxFeaturesValue: FieldValue;
  minSamplesLeaf: FieldValue;
  testFraction: FieldValue;
  seed: FieldValue;
  kFolds: 0 | 5 | 10;
}

export type ModelField =
  'nEstimators' | 'maxDepth' | 'maxFeatures' | 'minSamplesLeaf' | 'testFraction' | 'seed';

/** 100 trees, no depth limit, sqrt features, leaves of ≥ 1 case, 20 % test, seed 42, no CV. */
export function defaultModelForm(task: Task = 'classification'): ModelForm {
  return {
    nEstimators: 100,
    maxDepth: '',
    // As scikit-learn: sqrt for classification, all features for regression.
    maxFeaturesMode: task === 'regression' ? 'all' : 'sqrt',
    maxFeaturesValue: 0.5,
    minSamplesLeaf: 1,
    testFraction: 0.2,
    seed: 42,
    kFolds: 0,
  };
}

function text(v: FieldValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A finite number from a field, accepting a decimal comma; NaN when the field is not a number. */
export function parseNumber(v: FieldValue): number {
  const s = text(v).replace(',', '.');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}

function intIn(v: FieldValue, min: number, max: number): number | null {
  const n = parseNumber(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export type Parsed<T, F extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<F, MessageKey>>> };

export function parseModelForm(
  form: ModelForm,
  selection: Pick<Selection, 'target' | 'task' | 'features'> &
    Partial<Pick<Selection, 'idColumn' | 'identifiers' | 'columnTypes'>>,
): Parsed<ModelSettingsDTO, ModelField | 'features'> {
  const errors: Partial<Record<ModelField | 'features', MessageKey>> = {};
  const nEstimators = intIn(form.nEstimators, 1, 2000);
  if (nEstimators === null) errors.nEstimators = 'model.invalid.trees';
  let maxDepth: number | null = null;
  if (text(form.maxDepth) !== '') {
    maxDepth = intIn(form.maxDepth, 1, 1000);
    if (maxDepth === null) errors.maxDepth = 'model.invalid.maxDepth';
  }
  let maxFeatures: MaxFeatures = form.maxFeaturesMode === 'number' ? 0 : form.maxFeaturesMode;
  if (form.maxFeaturesMode === 'number') {
    const n = parseNumber(form.maxFeaturesValue);
    const valid = (n > 0 && n <= 1) || (Number.isInteger(n) && n > 1);
    if (!valid) errors.maxFeatures = 'model.invalid.maxFeatures';
    else maxFeatures = n;
  }
  const minSamplesLeaf = intIn(form.minSamplesLeaf, 1, 1_000_000);
  if (minSamplesLeaf === null) errors.minSamplesLeaf = 'model.invalid.minSamplesLeaf';
  const testFraction = parseNumber(form.testFraction);
  if (!(testFraction >= 0.05 && testFraction <= 0.5)) errors.testFraction = 'model.invalid.testFraction';
  const seed = intIn(form.seed, 0, 2 ** 32 - 1);
  if (seed === null) errors.seed = 'model.invalid.seed';
  if (selection.features.length === 0) errors.features = 'model.invalid.features';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      target: selection.target,
      task: selection.task,
      features: [...selection.features],
      nEstimators: nEstimators as number,
      maxDepth,
      maxFeatures,
      minSamplesLeaf: minSamplesLeaf as number,
      testFraction,
      seed: seed as number,
      kFolds: form.kFolds,
      // Plain data, saved with the settings: the case-ID column, changed types, identifier roles.
      ...(selection.idColumn !== undefined && { idColumn: selection.idColumn }),
      ...(selection.columnTypes && { columnTypes: { ...selection.columnTypes } }),
      ...(selection.identifiers && { identifiers: [...selection.identifiers] }),
    },
  };
}

export interface LimeForm {
  numFeatures: FieldValue;
  numSamples: FieldValue;
  kernelMode: 'auto' | 'custom';
  kernelWidth: FieldValue;
  discretizer: DiscretizerName | 'none';
  seed: FieldValue;
}

export type LimeField = 'numFeatures' | 'numSamples' | 'kernelWidth' | 'seed';

/** The reference defaults: 8 features, 5000 samples, kernel width 0.75·√d, quartiles, seed 42. */
export function defaultLimeForm(): LimeForm {
  return {
    numFeatures: 8,
    numSamples: 5000,
    kernelMode: 'auto',
    kernelWidth: 3,
    discretizer: 'quartile',
    seed: 42,
  };
}

/** The reference default kernel width for d features. */
export function autoKernelWidth(featureCount: number): number {
  return 0.75 * Math.sqrt(featureCount);
}

export function parseLimeForm(form: LimeForm, featureCount: number): Parsed<LimeSettingsDTO, LimeField> {
  const errors: Partial<Record<LimeField, MessageKey>> = {};
  const numFeatures = intIn(form.numFeatures, 1, Math.max(1, featureCount));
  if (numFeatures === null) errors.numFeatures = 'lime.invalid.numFeatures';
  const numSamples = intIn(form.numSamples, 100, 100_000);
  if (numSamples === null) errors.numSamples = 'lime.invalid.numSamples';
  let kernelWidth: number | null = null;
  if (form.kernelMode === 'custom') {
    const w = parseNumber(form.kernelWidth);
    if (!(w > 0)) errors.kernelWidth = 'lime.invalid.kernelWidth';
    else kernelWidth = w;
  }
  const seed = intIn(form.seed, 0, 2 ** 32 - 1);
  if (seed === null) errors.seed = 'lime.invalid.seed';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      numFeatures: numFeatures as number,
      numSamples: numSamples as number,
      kernelWidth,
      discretizer: form.discretizer === 'none' ? null : form.discretizer,
      seed: seed as number,
    },
  };
}
