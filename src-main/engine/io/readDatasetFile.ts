import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserFacingError } from '../errors';
import { loadDataset } from '../data/loadDataset';
import type { Dataset } from '../data/types';

/** Larger files would not fit the in-memory column store comfortably; a table this big needs other tools. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

function readFailure(path: string, error: unknown): UserFacingError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'the file does not exist (was it moved or renamed?)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EBUSY'
            ? 'the file is locked by another program (close it in Excel and try again)'
            : `the system reported ${code ?? String(error)}`;
  return new UserFacingError(`Cannot read ${path}: ${why}.`, { file: path, code: 'unreadable-file' });
}

/**
 * Reads a data file from disk and loads it (see loadDataset). Missing, unreadable
 * or too large (over 500 MB) files give a UserFacingError naming the path.
 */
export async function readDatasetFile(
  path: string,
  options: { readonly sheet?: string } = {},
): Promise<Dataset> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw readFailure(path, error);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserFacingError(
      `${path} is too large (${(size / (1024 * 1024)).toFixed(1)} MB); Lime Lens opens files up to ` +
        `${MAX_FILE_BYTES / (1024 * 1024)} MB. ` +
        'Use a sample of the rows or fewer columns.',
      { file: path, code: 'file-too-large' },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readFailure(path, error);
  }
  return loadDataset(bytes, basename(path), options);
}
