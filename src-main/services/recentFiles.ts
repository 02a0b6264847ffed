/**
 * Recently opened data files, newest first, kept as JSON in the user-data folder.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import type { RecentFileDTO } from '../contract/ipc';
import { createSerialQueue, readJsonFile, writeFileAtomic } from './atomicFile';

export const MAX_RECENT_FILES = 10;

export interface RecentFilesStore {
  /** Newest first, at most MAX_RECENT_FILES. */
  list(): Promise<readonly RecentFileDTO[]>;
  /** Moves `path` to the top (adding it if new) and saves. */
  add(path: string): Promise<readonly RecentFileDTO[]>;
  /** Forgets `path` (e.g. the file was deleted) and saves. */
  remove(path: string): Promise<readonly RecentFileDTO[]>;
  clear(): Promise<void>;
  /** Called after every change with the new list (the app rebuilds its Open recent menu). */
  onChange(listener: (files: readonly RecentFileDTO[]) => void): () => void;
}

export interface RecentFilesOptions {
  /** The JSON file, e.g. `<userData>/recent-files.json`. */
  readonly file: string;
  readonly max?: number;
  readonly now?: () => Date;
}

interface StoredFile {
  readonly version: 1;
  readonly files: readonly RecentFileDTO[];
}

export function createRecentFilesStore(options: RecentFilesOptions): RecentFilesStore {
  const max = options.max ?? MAX_RECENT_FILES;
  const now = options.now ?? (() => new Date());
  const serial = createSerialQueue();
  const listeners = new Set<(files: readonly RecentFileDTO[]) => void>();
  let cache: readonly RecentFileDTO[] | undefined;

  async function current(): Promise<readonly RecentFileDTO[]> {
    cache ??= parseRecentFiles(await readJsonFile(options.file), max);
    return cache;
  }

  function update(change: (files: readonly RecentFileDTO[]) => readonly RecentFileDTO[]) {
    return serial(async () => {
      const next = change(await current()).slice(0, max);
      cache = next;
      const stored: StoredFile = { version: 1, files: next };
      await writeFileAtomic(options.file, `${JSON.stringify(stored, null, 2)}\n`);
      for (const listener of listeners) listener(next);
      return next;
    });
  }

  return {
    list: () => serial(current),
    add(path) {
      const abs = resolve(path);
      const entry: RecentFileDTO = { path: abs, fileName: basename(abs), openedAt: now().toISOString() };
      return update((files) => [entry, ...files.filter((f) => !samePath(f.path, abs))]);
    },
    remove(path) {
      const abs = resolve(path);
      return update((files) => files.filter((f) => !samePath(f.path, abs)));
    },
    async clear() {
      await update(() => []);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Windows and macOS file systems are case-insensitive by default, so `C:\A.csv` is `c:\a.csv`. */
export function samePath(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** Keeps only well-formed entries of a stored file; anything else (corrupt, hand-edited) is dropped. */
export function parseRecentFiles(raw: unknown, max = MAX_RECENT_FILES): readonly RecentFileDTO[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const files = (raw as { files?: unknown }).files;
  if (!Array.isArray(files)) return [];
  const out: RecentFileDTO[] = [];
  for (const f of files as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const { path, openedAt } = f as { path?: unknown; openedAt?: unknown };
    if (typeof path !== 'string' || !isAbsolute(path) || path.length > 4096 || path.includes('\0')) continue;
    if (typeof openedAt !== 'string' || Number.isNaN(Date.parse(openedAt))) continue;
    if (out.some((o) => samePath(o.path, path))) continue;
    out.push({ path, fileName: basename(path), openedAt });
    if (out.length === max) break;
  }
  return out;
}
