import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Records every open() so the test can see the temp file's flags and the folder fsync.
const opened = vi.hoisted(() => [] as { path: string; flags: unknown }[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    open: async (path: string, flags?: string, mode?: number) => {
      const handle = await real.open(path, flags, mode);
      opened.push({ path, flags });
      return handle;
    },
  };
});

const { randomTempPath, writeFileAtomic, writeFileAtomicSync } =
  await import('../../src-main/services/atomicFile');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-atomic-'));
  opened.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('temp names are unguessable: hidden, beside the file, 16 random hex digits, never repeated', () => {
    const file = join(dir, 'recent.json');
    const names = Array.from({ length: 50 }, () => randomTempPath(file));
    expect(new Set(names).size).toBe(50);
    for (const name of names) {
      expect(dirname(name)).toBe(dir);
      expect(name).toMatch(new RegExp(`/\\.recent\\.json\\.${process.pid}\\.[0-9a-f]{16}\\.tmp$`));
    }
  });

  it('creates the temp file exclusively, then fsyncs the folder after the rename', async () => {
    const file = join(dir, 'recent.json');
    await writeFileAtomic(file, '{"a":1}\n');
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n');
    expect(opened).toHaveLength(2);
    expect(opened[0].flags).toBe('wx');
    expect(opened[0].path).toMatch(/\.tmp$/);
    expect(opened[1]).toEqual({ path: dir, flags: 'r' });
    expect(await readdir(dir)).toEqual(['recent.json']);
  });

  for (const [name, write] of [
    ['async', writeFileAtomic],
    ['sync', (f: string, t: string, o: { tempName: (f: string) => string }) => writeFileAtomicSync(f, t, o)],
  ] as const) {
    it(`${name}: a file or symlink planted under the temp name is neither followed nor overwritten`, async () => {
      const file = join(dir, 'state.json');
      const victim = join(dir, 'victim.txt');
      await writeFile(victim, 'precious');
      const planted = [join(dir, 'planted-1.tmp'), join(dir, 'planted-2.tmp')];
      await symlink(victim, planted[0]);
      await writeFile(planted[1], 'someone else');
      let n = 0;
      await write(file, 'new', { tempName: () => (n < 2 ? planted[n++] : join(dir, `fresh-${n++}.tmp`)) });
      expect(await readFile(file, 'utf8')).toBe('new');
      expect(await readFile(victim, 'utf8')).toBe('precious');
      expect(await readFile(planted[1], 'utf8')).toBe('someone else');
      expect(n).toBe(3);
      expect((await readdir(dir)).sort()).toEqual([
        'planted-1.tmp',
        'planted-2.tmp',
        'state.json',
        'victim.txt',
      ]);
    });
  }

  it('gives up with EEXIST after five taken names and leaves no temp file', async () => {
    const taken = join(dir, 'taken.tmp');
    await writeFile(taken, 'x');
    await expect(writeFileAtomic(join(dir, 'a.json'), 'y', { tempName: () => taken })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect((await readdir(dir)).sort()).toEqual(['taken.tmp']);
  });
});
