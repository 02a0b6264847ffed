import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSample, resolveSamplesDir, SAMPLES } from '../../src-main/services/samples';
import { ID_PATTERN } from '../../src-main/services/validate';

const repoSamples = join(import.meta.dirname, '../../assets/samples');

describe('bundled samples', () => {
  it('are breast_cancer, iris and diabetes, one per task, with ids the validator accepts', () => {
    expect(SAMPLES.map((s) => [s.id, s.task])).toEqual([
      ['breast_cancer', 'classification'],
      ['iris', 'classification'],
      ['diabetes', 'regression'],
    ]);
    for (const s of SAMPLES) expect(ID_PATTERN.test(s.id)).toBe(true);
    expect(findSample('iris')?.fileName).toBe('iris.csv');
    expect(findSample('nope')).toBeUndefined();
  });

  it('each file exists in assets/samples with the row count its description states', async () => {
    const expectedRows = { breast_cancer: 569, iris: 150, diabetes: 442 } as const;
    for (const s of SAMPLES) {
      const text = await readFile(join(repoSamples, s.fileName), 'utf8');
      const dataRows = text.trim().split(/\r?\n/).length - 1;
      expect(dataRows, s.id).toBe(expectedRows[s.id as keyof typeof expectedRows]);
      expect(s.description).toContain(String(dataRows));
    }
  });

  it('are found in the repository in development and in resources when packaged', () => {
    const env = { appPath: '/src/lime-lens', resourcesPath: '/opt/Lime Lens/resources' };
    expect(resolveSamplesDir({ ...env, isPackaged: false })).toBe(
      join('/src/lime-lens', 'assets', 'samples'),
    );
    expect(resolveSamplesDir({ ...env, isPackaged: true })).toBe(join('/opt/Lime Lens/resources', 'samples'));
  });
});
