/**
 * Background work against a click: after training on a generated table, the Model view asks
 * for permutation importance (a background job in the worker) and the user clicks a case while
 * it runs. Times the explanation in that situation next to the same explanation on an idle
 * worker, through the built worker as the app uses it. Before permutation importance yielded to
 * jobs, the click waited for the whole computation.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIME_SETTINGS, defaultTrainSettings, loadDataset } from '../src-main/engine';
import { createWorkerJobClient } from '../src-main/worker/client';
import { bundleEntries } from './bundle';
import type { Row } from './forest.bench';
import { writeGeneratedCsv } from './generateTable';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runBackgroundWorkBench({ quick = false } = {}): Promise<Row[]> {
  const rowsInTable = quick ? 10_000 : 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-background-'));
  const built = await bundleEntries([
    'src-main/worker/worker.ts',
    'src-main/worker/explainThread.ts',
    'src-main/worker/predictThread.ts',
    'src-main/worker/forestThread.ts',
  ]);
  const client = createWorkerJobClient({ workerPath: built.url('worker'), log: () => {} });
  try {
    const path = join(dir, 'table.csv');
    writeGeneratedCsv(path, rowsInTable);
    const { datasetId } = await client.run('load', { path, fileName: 'table.csv' });
    const settings = defaultTrainSettings(
      loadDataset(new Uint8Array(readFileSync(path)), 'table.csv'),
      'label',
    );
    // The click comes 0.5 s after the metrics, with and without permutation importance running.
    const clickAfterTraining = async (withPermutation: boolean) => {
      const trained = await client.run('train', { datasetId, settings });
      const request = {
        modelId: trained.modelId,
        row: trained.testCases[0].row,
        settings: DEFAULT_LIME_SETTINGS,
      };
      const started = performance.now();
      const permutation = withPermutation ? client.run('permutation', { modelId: trained.modelId }) : null;
      await sleep(500);
      const t = performance.now();
      await client.run('explain', request);
      const click = performance.now() - t;
      await permutation;
      return { click, permutationMs: performance.now() - started };
    };
    const during = await clickAfterTraining(true);
    const without = await clickAfterTraining(false);
    return [
      {
        name: `explain a case 0.5 s after training while permutation importance runs (${rowsInTable / 1000}k × 30, 100 trees)`,
        ours_ms: during.click,
        reference: 'the same click, no permutation running',
        reference_ms: without.click,
        note: `permutation importance took ${(during.permutationMs / 1000).toFixed(1)} s in all; before it yielded to jobs, the click waited for all of it`,
      },
    ];
  } finally {
    await client.dispose();
    rmSync(built.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
