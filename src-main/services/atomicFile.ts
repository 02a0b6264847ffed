/**
 * Small JSON files in the user-data folder (recent files, window state), written so
 * that a crash or power cut mid-write leaves either the old file or the new one,
 * never a truncated mix: write a temp file beside it, fsync, then rename over it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

let tempCounter = 0;

/** pid + counter: two writers in one process (or two app instances) never share a temp file. */
function tempPathFor(file: string): string {
  return `${file}.${process.pid}.${++tempCounter}.tmp`;
}

/** Atomically replaces `file` with `text` (UTF-8) or bytes, creating its folder if needed. */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    const handle = await open(temp, 'w', 0o600);
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
}

/**
 * The same, synchronously: for a window's 'close' handler, where the process may quit
 * before an asynchronous write finishes.
 */
export function writeFileAtomicSync(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    const fd = openSync(temp, 'w', 0o600);
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
