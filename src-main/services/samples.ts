/**
 * The datasets shipped with the app (assets/samples in the repository, copied to
 * `<resources>/samples` by electron-builder's extraResources).
 */
import { join } from 'node:path';
import type { SampleDTO } from '../contract/ipc';

export const SAMPLES: readonly SampleDTO[] = [
  {
    id: 'breast_cancer',
    title: 'Breast cancer (Wisconsin diagnostic)',
    description:
      '569 tumours, 30 measurements of cell nuclei from a fine-needle aspirate; diagnosis malignant or benign.',
    fileName: 'breast_cancer.csv',
    task: 'classification',
  },
  {
    id: 'iris',
    title: 'Iris flowers',
    description: '150 flowers, 4 sepal and petal measurements; three species, 50 of each.',
    fileName: 'iris.csv',
    task: 'classification',
  },
  {
    id: 'diabetes',
    title: 'Diabetes progression',
    description:
      '442 patients, age, sex, BMI, blood pressure and six blood serum values; disease progression one year later.',
    fileName: 'diabetes.csv',
    task: 'regression',
  },
];

export function findSample(sampleId: string): SampleDTO | undefined {
  return SAMPLES.find((s) => s.id === sampleId);
}

/**
 * Where the sample files are: `<resourcesPath>/samples` in a packaged app,
 * `<appPath>/assets/samples` when running from the repository.
 */
export function resolveSamplesDir(env: {
  readonly isPackaged: boolean;
  readonly appPath: string;
  readonly resourcesPath: string;
}): string {
  return env.isPackaged ? join(env.resourcesPath, 'samples') : join(env.appPath, 'assets', 'samples');
}
