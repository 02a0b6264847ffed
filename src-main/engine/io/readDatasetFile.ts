import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserFacingError } from '../errors';
import { loadDataset } from '../data/loadDataset';
import type { Dataset } from '../data/types';

/** Larger files would not fit the in-memory column store comfortably; a table this big needs other tools. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

function readFailure(path: string, error: unknown): UserFacingError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = { file: path };
  if (code === 'ENOENT') return UserFacingError.of('file-missing', where, where);
  if (code === 'EACCES' || code === 'EPERM') return UserFacingError.of('file-denied', where, where);
  if (code === 'EISDIR') return UserFacingError.of('file-is-folder', where, where);
  if (code === 'EBUSY') return UserFacingError.of('file-locked', where, where);
  return UserFacingError.of('unreadable-file', { file: path, reason: code ?? String(error) }, where);
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
    throw UserFacingError.of(
      'file-too-large',
      { file: path, size: (size / (1024 * 1024)).toFixed(1), limit: MAX_FILE_BYTES / (1024 * 1024) },
      { file: path },
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
