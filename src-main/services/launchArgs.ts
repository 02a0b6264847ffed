/**
 * Data files handed to the app by the OS: on the command line, by a second launch
 * (single instance), or by a file association.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../contract/ipc';

/** Extensions the data loader reads (delimited text and Excel workbooks). */
export const DATASET_EXTENSIONS: readonly string[] = ['csv', 'tsv', 'txt', 'xlsx'];

export function isDatasetFile(path: string): boolean {
  return DATASET_EXTENSIONS.includes(extname(path).slice(1).toLowerCase());
}

/**
 * The data file named on a command line, resolved against `cwd`, or null. The
 * executable, the app folder (`electron .` in development) and switches are skipped by
 * keeping only arguments with a data-file extension; the last one wins.
 */
export function datasetPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    // A saved project opens the same way (the renderer routes *.limelens to the project opener).
    const isProject = extname(arg).slice(1).toLowerCase() === PROJECT_EXTENSION;
    if (arg.startsWith('-') || !(isDatasetFile(arg) || isProject)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
