/**
 * The isolates that train run with a small young generation (youngGeneration.ts): the compute
 * thread gets it from createThreadLink, the CLI from its npm script.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createThreadLink } from '../../src-main/worker/workerLink';
import { SEMI_SPACE_MB } from '../../src-main/worker/youngGeneration';

const fixture = new URL('./fixtures/newSpaceWorker.mjs', import.meta.url);
const MB = 2 ** 20;

function newSpaceOf(start: (onMessage: (m: { bytes: number }) => void) => () => Promise<unknown>) {
  return new Promise<number>((resolve) => {
    const stop = start((m) => {
      void stop().then(() => resolve(m.bytes));
    });
  });
}

describe('young generation of the training isolates', () => {
  it('the compute thread keeps its new space at two semi-spaces of SEMI_SPACE_MB', async () => {
    const bytes = await newSpaceOf((onMessage) => {
      const link = createThreadLink({ path: fixture, workerData: {} }, 512, {
        reply: (m) => onMessage(m as unknown as { bytes: number }),
        failed: () => {},
      });
      return () => link.terminate();
    });
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(2 * SEMI_SPACE_MB * MB);
  });

  it('without the cap the same work grows the new space past it (what the cap is for)', async () => {
    const bytes = await newSpaceOf((onMessage) => {
      const w = new Worker(fixture);
      w.on('message', onMessage);
      return () => w.terminate();
    });
    expect(bytes).toBeGreaterThan(2 * SEMI_SPACE_MB * MB);
  });

  it("the CLI's npm script passes the same semi-space to Node", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.cli.split(' ')).toContain(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  });
});
