/**
 * Small JSON files in the user-data folder (recent files, window state), written so
 * that a crash or power cut mid-write leaves either the old file or the new one,
 * never a truncated mix: write a temp file beside it, fsync, rename over it, then
 * fsync the folder so the rename itself is on disk.
 *
 * The temp file has an unguessable name and is created exclusively (O_EXCL): a file or
 * symlink someone planted under that name makes the open fail instead of being followed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Temp file name generator (tests plant files under a predicted name); random by default. */
  readonly tempName?: (file: string) => string;
}

/** `.name.<pid>.<random>.tmp` beside the file: unguessable, and never shared by two writers. */
export function randomTempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
}

/** How many fresh names to try when the exclusive create finds one taken. */
const TEMP_ATTEMPTS = 5;

function isTaken(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'EEXIST';
}

/**
 * Makes a completed rename durable. Windows cannot open a folder for fsync (and commits
 * renames itself); some file systems refuse a folder fsync: the rename is done either way.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort, see above.
  }
}

function syncFolderSync(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort, see syncFolder.
  }
}

/** Atomically replaces `file` with `text` (UTF-8) or bytes, creating its folder if needed. */
export async function writeFileAtomic(
  file: string,
  text: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tempName = options.tempName ?? randomTempPath;
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const temp = tempName(file);
    let handle;
    try {
      handle = await open(temp, 'wx', 0o600);
    } catch (err) {
      // Someone else's file: leave it alone and try another name.
      if (isTaken(err) && attempt < TEMP_ATTEMPTS) continue;
      throw err;
    }
    try {
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    await syncFolder(dirname(file));
    return;
  }
}

/**
 * The same, synchronously: for a window's 'close' handler, where the process may quit
 * before an asynchronous write finishes.
 */
export function writeFileAtomicSync(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const tempName = options.tempName ?? randomTempPath;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const temp = tempName(file);
    let fd: number;
    try {
      fd = openSync(temp, 'wx', 0o600);
    } catch (err) {
      if (isTaken(err) && attempt < TEMP_ATTEMPTS) continue;
      throw err;
    }
    try {
      try {
        writeSync(fd, text, null, 'utf8');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    syncFolderSync(dirname(file));
    return;
  }
}

/**
 * Reads and parses a JSON file; `undefined` when it is missing, unreadable or not
 * valid JSON — settings files are a convenience and must never stop the app starting.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Runs async tasks one after another, so overlapping saves land on disk in call order
 * and the last call wins.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
