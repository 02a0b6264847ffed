import { describe, expect, it } from 'vitest';
import { ValidationError, validators } from '../../src-main/services/validate';
import { LIME_SETTINGS } from './ipcFixtures';

const lime = LIME_SETTINGS;
const stability = (patch: Record<string, unknown>) => ({
  jobId: 'j',
  request: {
    modelId: 'm',
    row: 0,
    settings: lime,
    runs: 10,
    sampleSizes: [1000, 2000, 5000, 10000],
    ...patch,
  },
});

function message(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as Error).message;
  }
  throw new Error('expected a ValidationError');
}

describe('trust channel validators', () => {
  it('stability: 2–50 runs, 1–6 sample sizes each 100–100000, label optional', () => {
    expect(validators['trust:stability'](stability({ runs: 2 })).request.runs).toBe(2);
    expect(validators['trust:stability'](stability({ runs: 50, label: 0 })).request).toMatchObject({
      runs: 50,
      label: 0,
    });
    expect(message(() => validators['trust:stability'](stability({ runs: 1 })))).toContain(
      'request.runs must be an integer from 2 to 50',
    );
    expect(message(() => validators['trust:stability'](stability({ runs: 51 })))).toContain('request.runs');
    expect(message(() => validators['trust:stability'](stability({ sampleSizes: [] })))).toContain(
      'request.sampleSizes',
    );
    expect(
      message(() => validators['trust:stability'](stability({ sampleSizes: [1, 2, 3, 4, 5, 6, 7] }))),
    ).toContain('1 to 6');
    expect(message(() => validators['trust:stability'](stability({ sampleSizes: [99] })))).toContain(
      'request.sampleSizes[0]',
    );
    expect(message(() => validators['trust:stability'](stability({ seeds: [1] })))).toContain(
      'request.seeds must be absent',
    );
  });

  it('case and predict: edits are {feature, value} with a finite number or a non-empty string, each feature once', () => {
    const ok = validators['trust:predict']({
      modelId: 'm',
      row: 2,
      edits: [
        { feature: 'age', value: 40 },
        { feature: 'sex', value: 'f' },
      ],
    });
    expect(ok.edits).toEqual([
      { feature: 'age', value: 40 },
      { feature: 'sex', value: 'f' },
    ]);
    expect(
      message(() =>
        validators['trust:predict']({ modelId: 'm', row: 2, edits: [{ feature: 'age', value: Number.NaN }] }),
      ),
    ).toContain('edits[0].value');
    expect(
      message(() =>
        validators['trust:predict']({ modelId: 'm', row: 2, edits: [{ feature: 'age', value: '' }] }),
      ),
    ).toContain('edits[0].value');
    expect(
      message(() =>
        validators['trust:predict']({
          modelId: 'm',
          row: 2,
          edits: [
            { feature: 'age', value: 1 },
            { feature: 'age', value: 2 },
          ],
        }),
      ),
    ).toContain('"age" once');
    expect(
      message(() =>
        validators['trust:case']({ jobId: 'j', request: { modelId: 'm', row: -1, settings: lime } }),
      ),
    ).toContain('request.row');
  });

  it('SP-LIME: sample size 2–5000, budget 1–50', () => {
    const sp = (patch: Record<string, unknown>) => ({
      jobId: 'j',
      request: { modelId: 'm', settings: lime, sampleSize: 100, budget: 5, ...patch },
    });
    expect(validators['trust:sp-lime'](sp({ sampleSize: 5000, budget: 50 })).request).toMatchObject({
      sampleSize: 5000,
      budget: 50,
    });
    expect(message(() => validators['trust:sp-lime'](sp({ sampleSize: 1 })))).toContain('request.sampleSize');
    expect(message(() => validators['trust:sp-lime'](sp({ budget: 0 })))).toContain('request.budget');
    expect(message(() => validators['trust:shap-summary']({ jobId: 'j', modelId: 'bad id!' }))).toContain(
      'modelId',
    );
  });
});
