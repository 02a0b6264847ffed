/**
 * Splits one large prediction (a LIME neighbourhood of thousands of rows) between this
 * thread and a helper thread holding the same forest, through shared memory. Rows are
 * independent, so the result is bit-identical to predicting on one thread; on two cores
 * the forest's share of an explanation halves.
 */
import { Worker } from 'node:worker_threads';
import type { Forest, ForestJSON } from '../engine';
import { RandomForestClassifier } from '../engine';
import { argmaxPerRow } from '../engine/forest/packedForest';
import { threadEntry } from './threadEntry';

export interface PredictRequest {
  readonly id: number;
  readonly n: number;
  readonly d: number;
  readonly input: SharedArrayBuffer;
  readonly output: SharedArrayBuffer;
}

/** Below this many rows the round trip to the helper costs more than it saves. */
const MIN_PARALLEL_ROWS = 1000;
/** The helper's share of a pipelined batch (sampling ≈ 0.9 µs, predicting ≈ 1.7 µs per row, 30 features). */
const HELPER_SHARE = 0.6;

export class ParallelPredictor {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private readonly outputs: number;
  /** An imported ml-random-forest model votes: its labels are not the argmax of predictFlat. */
  private readonly votes: boolean;
  private input = new SharedArrayBuffer(0);
  private output = new SharedArrayBuffer(0);
  private nextId = 0;
  private readonly pending = new Map<number, () => void>();
  private failed: Error | null = null;
  private isReady = false;
  /** One split at a time: concurrent calls (a warm-up and a user's job) share the buffers. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly forest: Forest,
    json: ForestJSON = forest.toJSON(),
    /** The helper's script; default: built beside this module, or the source through tsx. */
    threadUrl?: URL,
    /** The worker's idle gate (idleGate.ts): the helper's warm-up pauses while a job runs. */
    busy?: SharedArrayBuffer,
  ) {
    this.outputs = forest instanceof RandomForestClassifier ? forest.nClasses : 1;
    this.votes = json.aggregation === 'vote';
    const entry = threadEntry('predictThread', threadUrl);
    this.worker = new Worker(entry.path, {
      workerData: { ...entry.workerData, forest: json, ...(busy && { busy }) },
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.ready.then(
      () => (this.isReady = true),
      (err: unknown) => (this.failed = err instanceof Error ? err : new Error(String(err))),
    );
    this.worker.on('message', (id: number | string) => {
      if (typeof id === 'number') this.pending.get(id)?.();
    });
    this.worker.on('error', (err) => {
      this.failed = err;
      for (const done of this.pending.values()) done();
    });
  }

  /** Its outputs are the forest's, bit for bit: an explainer may reuse either's (FlatPredictor.modelKey). */
  get modelKey(): object {
    return this.forest;
  }

  private local(x: Float64Array, n: number, d: number): Float64Array {
    const f = this.forest;
    return f instanceof RandomForestClassifier ? f.predictProbaFlat(x, n, d) : f.predictFlat(x, n, d);
  }

  /** Same contract as the forest's predictProbaFlat / predictFlat (rows × outputs, row-major). */
  predictFlat(x: Float64Array, n: number, d: number): Promise<Float64Array> {
    return this.split(x, n, d, n >> 1, () => undefined);
  }

  /**
   * forest.predict(rows), bit for bit: a class index (first on ties) or a value per row, the rows
   * split with the helper thread. Permutation importance predicts this way, a round at a time.
   */
  async predictLabels(rows: readonly (readonly number[])[]): Promise<ArrayLike<number>> {
    if (this.votes) return this.forest.predict(rows);
    const n = rows.length;
    const d = n > 0 ? rows[0].length : 0;
    const x = new Float64Array(n * d);
    for (let r = 0; r < n; r++) x.set(rows[r], r * d);
    const out = await this.predictFlat(x, n, d);
    return this.forest instanceof RandomForestClassifier ? argmaxPerRow(out, n, this.outputs) : out;
  }

  /**
   * LIME's pipelined form: the first rows are sampled and sent to the helper, which predicts
   * them while this thread samples and predicts the rest. Sampling costs about half of
   * predicting a row, so the helper takes the larger share (HELPER_SHARE) and both finish together.
   */
  predictFlatPipelined(
    x: Float64Array,
    n: number,
    d: number,
    fill: (upTo: number) => void,
  ): Promise<Float64Array> {
    return this.split(x, n, d, Math.round(n * HELPER_SHARE), fill);
  }

  private split(
    x: Float64Array,
    n: number,
    d: number,
    theirs: number,
    fill: (upTo: number) => void,
  ): Promise<Float64Array> {
    const run = this.queue.then(() => this.splitNow(x, n, d, theirs, fill));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Rows [0, theirs) on the helper, [theirs, n) here; `fill` draws rows before they are read. */
  private async splitNow(
    x: Float64Array,
    n: number,
    d: number,
    theirs: number,
    fill: (upTo: number) => void,
  ): Promise<Float64Array> {
    // Until the helper has started and warmed up (or if it failed), this thread predicts alone.
    if (n < MIN_PARALLEL_ROWS || this.failed || !this.isReady) {
      fill(n);
      return this.local(x, n, d);
    }
    const k = this.outputs;
    fill(theirs);
    if (this.input.byteLength < theirs * d * 8) this.input = new SharedArrayBuffer(theirs * d * 8);
    if (this.output.byteLength < theirs * k * 8) this.output = new SharedArrayBuffer(theirs * k * 8);
    new Float64Array(this.input, 0, theirs * d).set(x.subarray(0, theirs * d));
    const id = this.nextId++;
    const remote = new Promise<void>((resolve) => this.pending.set(id, resolve));
    this.worker.postMessage({
      id,
      n: theirs,
      d,
      input: this.input,
      output: this.output,
    } satisfies PredictRequest);
    fill(n);
    const out = new Float64Array(n * k);
    out.set(this.local(x.subarray(theirs * d, n * d), n - theirs, d), theirs * k);
    await remote;
    this.pending.delete(id);
    if (this.failed) return this.local(x, n, d); // the helper died: fall back, never fail the explanation
    out.set(new Float64Array(this.output, 0, theirs * k));
    return out;
  }

  /** Resolves once the helper thread is warm (tests and benchmarks wait for it; callers need not). */
  whenReady(): Promise<boolean> {
    return this.ready.then(
      () => true,
      () => false,
    );
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}
