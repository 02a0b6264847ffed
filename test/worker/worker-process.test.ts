/**
 * The compute worker walled off from main: its heap is capped, it may run in a process of
 * its own, and when it runs out of memory or is killed the client (and this process, standing
 * in for main) carries on with a fresh worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerRestartReason } from '../../src-main/contract/ipc';
import { createWorkerJobClient, type WorkerJobClient } from '../../src-main/worker/client';
import { forkNodeHost } from '../../src-main/worker/processLink';
import { defaultHeapLimitMb, defaultRssLimitMb } from '../../src-main/worker/workerLink';

const sourceEntry = new URL('./fixtures/testWorker.ts', import.meta.url);
const host = {
  spawn: forkNodeHost,
  hostPath: new URL('../../src-main/worker/host.ts', import.meta.url).pathname,
};

let client: WorkerJobClient | undefined;
afterEach(async () => {
  await client?.dispose();
  client = undefined;
});

function restartsOf(c: WorkerJobClient): [string, WorkerRestartReason][] {
  const seen: [string, WorkerRestartReason][] = [];
  c.onRestart((message, reason) => seen.push([message, reason]));
  return seen;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('memory cap', () => {
  it('defaults to half the machine memory, between 1 and 4 GB', () => {
    expect(defaultHeapLimitMb(1 * 2 ** 30)).toBe(1024);
    expect(defaultHeapLimitMb(6 * 2 ** 30)).toBe(3072);
    expect(defaultHeapLimitMb(64 * 2 ** 30)).toBe(4096);
    expect(defaultRssLimitMb(1 * 2 ** 30, 1024)).toBe(1536);
    expect(defaultRssLimitMb(8 * 2 ** 30, 4096)).toBe(6144);
    expect(defaultRssLimitMb(24 * 2 ** 30, 4096)).toBe(18432);
  });

  it('thread mode: a job allocating past the cap ends the thread, not this process; the next job runs', async () => {
    client = createWorkerJobClient({ sourceEntry, heapLimitMb: 96, log: () => undefined });
    const restarts = restartsOf(client);
    const before = process.memoryUsage().heapUsed;
    await expect(client.run('correlation', { datasetId: 'x', order: 'original' })).rejects.toMatchObject({
      error: {
        kind: 'internal',
        message: expect.stringMatching(/^The computation worker ran out of memory/),
      },
    });
    expect(restarts.map(([, reason]) => reason)).toEqual(['out-of-memory']);
    // The hog lived in the worker's heap, never in ours.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 2 ** 20);
    await expect(client.run('load', { fileName: 'after.csv' })).resolves.toEqual({ fileName: 'after.csv' });
  });
});

describe('worker in its own process', () => {
  it('runs jobs with progress, and cancels a synchronous loop through the host', async () => {
    client = createWorkerJobClient({ sourceEntry, host, log: () => undefined });
    expect(client.workerPid).toBeGreaterThan(0);
    expect(client.workerPid).not.toBe(process.pid);
    const seen: number[] = [];
    await expect(
      client.run('load', { fileName: 'a.csv' }, { onProgress: (f) => seen.push(f) }),
    ).resolves.toEqual({ fileName: 'a.csv' });
    expect(seen).toHaveLength(20);
    const progress: number[] = [];
    const job = client.run(
      'load',
      { fileName: 'b.csv' },
      { jobId: 'j1', onProgress: (f) => progress.push(f) },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(client.cancel('j1')).toBe(true);
    await expect(job).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(20);
    expect(client.restarts).toBe(0);
  });

  it('out of memory: the host reports it, is replaced by a new process, and jobs run again', async () => {
    client = createWorkerJobClient({ sourceEntry, host, heapLimitMb: 96, log: () => undefined });
    const restarts = restartsOf(client);
    await client.run('load', { fileName: 'warm.csv' });
    const firstPid = client.workerPid!;
    await expect(client.run('correlation', { datasetId: 'x', order: 'original' })).rejects.toMatchObject({
      error: {
        kind: 'internal',
        message: expect.stringMatching(/^The computation worker ran out of memory/),
      },
    });
    expect(restarts.map(([, reason]) => reason)).toEqual(['out-of-memory']);
    expect(client.workerPid).not.toBe(firstPid);
    await expect(client.run('load', { fileName: 'after.csv' })).resolves.toEqual({ fileName: 'after.csv' });
    await new Promise((r) => setTimeout(r, 300));
    expect(isAlive(firstPid)).toBe(false);
  });

  it('memory outside the V8 heap (typed arrays): the host stops the worker at its resident-memory cap', async () => {
    client = createWorkerJobClient({ sourceEntry, host, rssLimitMb: 700, log: () => undefined });
    const restarts = restartsOf(client);
    await expect(
      client.run('featureDistribution', { datasetId: 'x', feature: 'a', target: 'y' }),
    ).rejects.toMatchObject({
      error: {
        kind: 'internal',
        message: expect.stringMatching(
          /^The computation worker ran out of memory \(the worker used \d+ MB, over its 700 MB limit\)/,
        ),
      },
    });
    expect(restarts.map(([, reason]) => reason)).toEqual(['out-of-memory']);
    await expect(client.run('load', { fileName: 'after.csv' })).resolves.toEqual({ fileName: 'after.csv' });
  });

  it('killed mid-job (SIGKILL): the pending job fails as internal, a new process takes over', async () => {
    client = createWorkerJobClient({ sourceEntry, host, log: () => undefined });
    const restarts = restartsOf(client);
    await client.run('load', { fileName: 'warm.csv' });
    const firstPid = client.workerPid!;
    let killed = false;
    const job = client.run(
      'load',
      { fileName: 'doomed.csv' },
      {
        onProgress: () => {
          if (!killed) process.kill(firstPid, 'SIGKILL');
          killed = true;
        },
      },
    );
    await expect(job).rejects.toMatchObject({
      error: {
        kind: 'internal',
        message: expect.stringMatching(/crashed \(killed by SIGKILL\)\. It was restarted/),
      },
    });
    expect(restarts.map(([, reason]) => reason)).toEqual(['crashed']);
    expect(client.workerPid).not.toBe(firstPid);
    await expect(client.run('load', { fileName: 'after.csv' })).resolves.toEqual({ fileName: 'after.csv' });
  });
});
