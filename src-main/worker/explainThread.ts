/** A pool thread: rebuilds one model's forest and explainer from plain data and explains rows on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { createExplainer, explainEncodedRow, explainerSource, forestPredictor, loadForest } from '../engine';
import {
  WARM_CONTROL,
  type ExplainThreadData,
  type ExplainThreadPacing,
  type ExplainThreadReply,
  type ExplainThreadRequest,
} from './explainPool';
import { pauseWhileBusy } from './idleGate';

const port = parentPort!;
const data = workerData as ExplainThreadData & Partial<ExplainThreadPacing>;
const forest = loadForest(data.forest);
const explainer = createExplainer(explainerSource(data.inputs), data.settings);

/**
 * A fresh thread runs everything unoptimized at first; the pool is started right after training,
 * so these throwaway explanations (results are not kept; each explanation restarts from the
 * seed) make the first real call as fast as later ones. Requests that arrive meanwhile wait in
 * the port until the listener below is attached.
 */
async function warmUp(rounds: number): Promise<void> {
  const control = data.control ? new Int32Array(data.control) : undefined;
  const needed = () => control !== undefined && Atomics.load(control, WARM_CONTROL.needed) === 1;
  const pause = () => pauseWhileBusy(data.busy, needed);
  // One thread warms at a time, so a core stays free for the user's next click.
  if (control) {
    for (let w = Atomics.load(control, WARM_CONTROL.warmed); w < (data.order ?? 0) && !needed();) {
      Atomics.wait(control, WARM_CONTROL.warmed, w, 20);
      w = Atomics.load(control, WARM_CONTROL.warmed);
    }
  }
  // The neighbourhood first: every explanation with the pool's settings then predicts one row.
  // The trees are not compiled here (~360 ms a thread on breast cancer): only other seeds and
  // sample counts (stability checks) predict whole neighbourhoods, and the forest compiles
  // itself once they keep coming (forest/tieredPredict.ts).
  pause();
  explainer.prepareNeighbourhood(forestPredictor(forest), data.settings.numSamples);
  const columns = data.inputs.trainColumns;
  const rows = columns.length > 0 ? columns[0].length : 0;
  for (let i = 0; i < rounds && i < rows; i++) {
    pause();
    const row = columns.map((column) => column[i]);
    await explainEncodedRow(explainer, forest, data.inputs.frame, row, data.settings);
  }
  if (control) {
    Atomics.add(control, WARM_CONTROL.warmed, 1);
    Atomics.notify(control, WARM_CONTROL.warmed);
  }
}

await warmUp(3);
port.on('message', async ({ call, index, instance, label, seed, numSamples }: ExplainThreadRequest) => {
  let reply: ExplainThreadReply;
  const settings = {
    ...data.settings,
    ...(seed !== undefined && { seed }),
    ...(numSamples !== undefined && { numSamples }),
  };
  try {
    const result = await explainEncodedRow(explainer, forest, data.inputs.frame, instance, settings, {
      ...(label !== undefined && { label }),
    });
    reply = { call, index, result };
  } catch (err) {
    reply = { call, index, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
