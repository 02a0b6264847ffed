import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRecentFilesStore,
  MAX_RECENT_FILES,
  parseRecentFiles,
} from '../../src-main/services/recentFiles';

let dir: string;
let file: string;
let clock: number;
const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-recent-'));
  file = join(dir, 'sub', 'recent-files.json');
  clock = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('recent files', () => {
  it('keeps newest first, moves a re-opened file to the top without duplicating it', async () => {
    const store = createRecentFilesStore({ file, now });
    await store.add('/data/a.csv');
    await store.add('/data/b.xlsx');
    await store.add('/data/a.csv');
    expect(await store.list()).toEqual([
      { path: '/data/a.csv', fileName: 'a.csv', openedAt: '2026-01-01T00:00:02.000Z' },
      { path: '/data/b.xlsx', fileName: 'b.xlsx', openedAt: '2026-01-01T00:00:01.000Z' },
    ]);
  });

  it(`keeps at most ${MAX_RECENT_FILES}, dropping the oldest`, async () => {
    const store = createRecentFilesStore({ file, now });
    for (let i = 1; i <= 12; i++) await store.add(`/data/f${i}.csv`);
    const list = await store.list();
    expect(list).toHaveLength(10);
    expect(list[0].path).toBe('/data/f12.csv');
    expect(list[9].path).toBe('/data/f3.csv');
  });

  it('persists as JSON that a new store (next app start) reads back', async () => {
    await createRecentFilesStore({ file, now }).add('/data/a.csv');
    const stored = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(stored).toEqual({
      version: 1,
      files: [{ path: '/data/a.csv', fileName: 'a.csv', openedAt: '2026-01-01T00:00:00.000Z' }],
    });
    expect((await createRecentFilesStore({ file }).list()).map((f) => f.path)).toEqual(['/data/a.csv']);
  });

  it('leaves no temporary files behind after many overlapping writes, and the last write wins', async () => {
    const store = createRecentFilesStore({ file, now });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(`/data/f${i}.csv`)));
    expect(await readdir(join(dir, 'sub'))).toEqual(['recent-files.json']);
    const onDisk = parseRecentFiles(JSON.parse(await readFile(file, 'utf8')));
    expect(onDisk[0].path).toBe('/data/f19.csv');
    expect(onDisk).toEqual(await store.list());
  });

  it('ignores a corrupt file instead of crashing, and overwrites it on the next add', async () => {
    await rm(join(dir, 'sub'), { recursive: true, force: true });
    const corrupt = join(dir, 'recent.json');
    await writeFile(corrupt, '{"version":1,"files":[{"path":"/a.csv"');
    const store = createRecentFilesStore({ file: corrupt, now });
    expect(await store.list()).toEqual([]);
    await store.add('/b.csv');
    expect((JSON.parse(await readFile(corrupt, 'utf8')) as { files: unknown[] }).files).toHaveLength(1);
  });

  it('drops malformed entries from a hand-edited file', () => {
    const files = parseRecentFiles({
      files: [
        { path: '/ok.csv', openedAt: '2026-01-01T00:00:00Z' },
        { path: 'relative.csv', openedAt: '2026-01-01T00:00:00Z' },
        { path: '/no-date.csv' },
        { path: '/bad-date.csv', openedAt: 'yesterday' },
        { path: 42, openedAt: '2026-01-01T00:00:00Z' },
        'string',
        null,
        { path: '/ok.csv', openedAt: '2026-01-02T00:00:00Z' },
      ],
    });
    expect(files).toEqual([{ path: '/ok.csv', fileName: 'ok.csv', openedAt: '2026-01-01T00:00:00Z' }]);
    expect(parseRecentFiles([1, 2])).toEqual([]);
    expect(parseRecentFiles(null)).toEqual([]);
  });

  it('removes and clears, telling listeners each time', async () => {
    const store = createRecentFilesStore({ file, now });
    const seen: string[][] = [];
    store.onChange((files) => seen.push(files.map((f) => f.fileName)));
    await store.add('/a.csv');
    await store.add('/b.csv');
    await store.remove('/a.csv');
    await store.clear();
    expect(seen).toEqual([['a.csv'], ['b.csv', 'a.csv'], ['b.csv'], []]);
  });
});
