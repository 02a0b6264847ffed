/** Argument validators of the trust channels (stability, case insight, what-if, SHAP, SP-LIME). */
import type { CaseEdit, InvokeMap } from '../contract/ipc';
import { fail, id, integer, LIMITS, limeSettings, number, record, text } from './validate';

export const TRUST_LIMITS = {
  runs: [2, 50],
  sampleSizes: 6,
  edits: 10_000,
  spSampleSize: [2, 5000],
  budget: [1, 50],
} as const;

const row = (raw: unknown, field: string) => integer(raw, field, [0, Number.MAX_SAFE_INTEGER]);

function edits(raw: unknown, field: string): readonly CaseEdit[] {
  if (!Array.isArray(raw)) fail(field, 'a list of edits', raw);
  if (raw.length > TRUST_LIMITS.edits) fail(field, `at most ${TRUST_LIMITS.edits} edits`, raw);
  const seen = new Set<string>();
  return raw.map((e: unknown, i) => {
    const r = record(e, `${field}[${i}]`, ['feature', 'value']);
    const feature = text(r.feature, `${field}[${i}].feature`);
    if (seen.has(feature)) fail(field, `a list that edits "${feature}" once`);
    seen.add(feature);
    const value =
      typeof r.value === 'number'
        ? number(r.value, `${field}[${i}].value`, [-Number.MAX_VALUE, Number.MAX_VALUE])
        : text(r.value, `${field}[${i}].value`);
    return { feature, value };
  });
}

function optionalLabel(raw: unknown, field: string): { label?: number } {
  return raw === undefined ? {} : { label: integer(raw, field, LIMITS.label) };
}

type TrustChannel =
  'trust:stability' | 'trust:case' | 'trust:predict' | 'trust:shap-summary' | 'trust:sp-lime';

export const trustValidators: { readonly [C in TrustChannel]: (raw: unknown) => InvokeMap[C]['args'] } = {
  'trust:stability': (raw) => {
    const a = record(raw, 'args', ['jobId', 'request']);
    const r = record(a.request, 'request', ['modelId', 'row', 'settings', 'runs', 'sampleSizes'], ['label']);
    if (
      !Array.isArray(r.sampleSizes) ||
      r.sampleSizes.length === 0 ||
      r.sampleSizes.length > TRUST_LIMITS.sampleSizes
    )
      fail('request.sampleSizes', `a list of 1 to ${TRUST_LIMITS.sampleSizes} sample sizes`, r.sampleSizes);
    return {
      jobId: id(a.jobId, 'jobId'),
      request: {
        modelId: id(r.modelId, 'request.modelId'),
        row: row(r.row, 'request.row'),
        ...optionalLabel(r.label, 'request.label'),
        settings: limeSettings(r.settings, 'request.settings'),
        runs: integer(r.runs, 'request.runs', TRUST_LIMITS.runs),
        sampleSizes: (r.sampleSizes as unknown[]).map((n, i) =>
          integer(n, `request.sampleSizes[${i}]`, LIMITS.numSamples),
        ),
      },
    };
  },
  'trust:case': (raw) => {
    const a = record(raw, 'args', ['jobId', 'request']);
    const r = record(
      a.request,
      'request',
      ['modelId', 'row', 'settings'],
      ['label', 'edits', 'counterfactualShift'],
    );
    return {
      jobId: id(a.jobId, 'jobId'),
      request: {
        modelId: id(r.modelId, 'request.modelId'),
        row: row(r.row, 'request.row'),
        ...optionalLabel(r.label, 'request.label'),
        settings: limeSettings(r.settings, 'request.settings'),
        ...(r.edits !== undefined && { edits: edits(r.edits, 'request.edits') }),
        ...(r.counterfactualShift !== undefined && {
          counterfactualShift: number(r.counterfactualShift, 'request.counterfactualShift', [
            Number.MIN_VALUE,
            Number.MAX_VALUE,
          ]),
        }),
      },
    };
  },
  'trust:predict': (raw) => {
    const r = record(raw, 'args', ['modelId', 'row'], ['edits']);
    return {
      modelId: id(r.modelId, 'modelId'),
      row: row(r.row, 'row'),
      ...(r.edits !== undefined && { edits: edits(r.edits, 'edits') }),
    };
  },
  'trust:shap-summary': (raw) => {
    const a = record(raw, 'args', ['jobId', 'modelId']);
    return { jobId: id(a.jobId, 'jobId'), modelId: id(a.modelId, 'modelId') };
  },
  'trust:sp-lime': (raw) => {
    const a = record(raw, 'args', ['jobId', 'request']);
    const r = record(a.request, 'request', ['modelId', 'settings', 'sampleSize', 'budget']);
    return {
      jobId: id(a.jobId, 'jobId'),
      request: {
        modelId: id(r.modelId, 'request.modelId'),
        settings: limeSettings(r.settings, 'request.settings'),
        sampleSize: integer(r.sampleSize, 'request.sampleSize', TRUST_LIMITS.spSampleSize),
        budget: integer(r.budget, 'request.budget', TRUST_LIMITS.budget),
      },
    };
  },
};
