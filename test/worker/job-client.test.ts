import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';

const sourceEntry = new URL('./fixtures/testWorker.ts', import.meta.url);
let client: JobClient | undefined;
afterEach(async () => {
  await client?.dispose();
  client = undefined;
});

describe('worker job client', () => {
  it('streams progress in order and resolves with the result', async () => {
    client = createWorkerJobClient({ sourceEntry, log: () => undefined });
    const seen: number[] = [];
    const result = await client.run('load', { fileName: 'a.csv' }, { onProgress: (f) => seen.push(f) });
    expect(result).toEqual({ fileName: 'a.csv' });
    expect(seen.length).toBe(20);
    expect(seen[0]).toBeCloseTo(0.05);
    expect(seen[19]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('cancels a synchronous loop through the shared flag, and the worker stays usable', async () => {
    client = createWorkerJobClient({ sourceEntry, log: () => undefined });
    const progress: number[] = [];
    const job = client.run(
      'load',
      { fileName: 'a.csv' },
      { jobId: 'j1', onProgress: (f) => progress.push(f) },
    );
    await new Promise((r) => setTimeout(r, 180));
    expect(client.cancel('j1')).toBe(true);
    await expect(job).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    expect(progress.length).toBeLessThan(20);
    expect(client.cancel('j1')).toBe(false);
    await expect(client.run('load', { fileName: 'b.csv' })).resolves.toEqual({ fileName: 'b.csv' });
  });

  it('passes user-facing errors through as data with file and row', async () => {
    client = createWorkerJobClient({ sourceEntry, log: () => undefined });
    await expect(client.run('rows', { datasetId: 'x', offset: 0, limit: 1 })).rejects.toMatchObject({
      error: { kind: 'user', message: 'bad.csv: row 3 has 2 fields, expected 3', file: 'bad.csv', row: 3 },
    });
  });

  it('restarts a crashed worker, fails the pending job as internal, and reports the restart', async () => {
    client = createWorkerJobClient({ sourceEntry, log: () => undefined });
    const restarts: string[] = [];
    client.onRestart((m) => restarts.push(m));
    await expect(client.run('release', { datasetId: 'x' })).rejects.toMatchObject({
      error: { kind: 'internal' },
    });
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toMatch(/^The computation worker crashed \(exited with code 7\)\. It was restarted/);
    await expect(client.run('load', { fileName: 'c.csv' })).resolves.toEqual({ fileName: 'c.csv' });
  });

  it('replaces a worker whose job ignores cancel once the grace period is over', async () => {
    client = createWorkerJobClient({ sourceEntry, cancelGraceMs: 300, log: () => undefined });
    const restarts: string[] = [];
    client.onRestart((m) => restarts.push(m));
    const stuck = client.run('explain', {} as never, { jobId: 'stuck' });
    await new Promise((r) => setTimeout(r, 100));
    client.cancel('stuck');
    await expect(stuck).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    expect(restarts[0]).toMatch(/did not stop in time/);
    await expect(client.run('load', { fileName: 'd.csv' })).resolves.toEqual({ fileName: 'd.csv' });
  });

  it('leaves a cancelled job that is only waiting (its worker answers pings) to finish as cancelled', async () => {
    const c = createWorkerJobClient({ sourceEntry, cancelGraceMs: 300, log: () => undefined });
    client = c;
    await c.run('load', { fileName: 'warm.csv' });
    const job = c.run('train', { datasetId: 'x', settings: {} as never }, { jobId: 'waiting' });
    await new Promise((r) => setTimeout(r, 100));
    expect(c.cancel('waiting')).toBe(true);
    await expect(job).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    expect(c.restarts).toBe(0);
  });
});
