/**
 * Explains many rows of one model on several threads. Each explanation starts from the
 * same seed, so the result of a row does not depend on which thread explained it or in
 * what order: the output equals explaining the rows one by one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EncodedRowExplanation, ExplainerInputs, ForestJSON, LimeSettings } from '../engine';
import { CancelledError } from '../engine';
import { threadEntry } from './threadEntry';

export interface ExplainThreadData {
  readonly inputs: ExplainerInputs;
  readonly forest: ForestJSON;
  readonly settings: LimeSettings;
}
export interface ExplainThreadRequest {
  readonly index: number;
  readonly instance: readonly number[];
  readonly label?: number;
}
export type ExplainThreadReply =
  | { readonly index: number; readonly result: EncodedRowExplanation }
  | { readonly index: number; readonly error: string };

export interface ExplainTask {
  /** Encoded, imputed row (1 × features). */
  readonly instance: readonly number[];
  readonly label?: number;
}

export interface ExplainPoolOptions {
  /** Default: the machine's available parallelism. */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** Explains `tasks` in parallel; results come back in task order. */
export async function explainInParallel(
  data: ExplainThreadData,
  tasks: readonly ExplainTask[],
  options: ExplainPoolOptions = {},
): Promise<EncodedRowExplanation[]> {
  if (tasks.length === 0) return [];
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), tasks.length));
  const entry = threadEntry('explainThread');
  const workers = Array.from(
    { length: threads },
    () => new Worker(entry.path, { workerData: { ...entry.workerData, ...data } }),
  );
  const results = new Array<EncodedRowExplanation>(tasks.length);
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => reject(err);
      options.signal?.addEventListener('abort', () => fail(new CancelledError()), { once: true });
      const feed = (w: Worker) => {
        if (next >= tasks.length) return;
        const index = next++;
        const { instance, label } = tasks[index];
        w.postMessage({
          index,
          instance,
          ...(label !== undefined && { label }),
        } satisfies ExplainThreadRequest);
      };
      for (const w of workers) {
        w.on('message', (reply: ExplainThreadReply) => {
          if ('error' in reply)
            return fail(new Error(`Explaining row ${reply.index} failed: ${reply.error}`));
          results[reply.index] = reply.result;
          done++;
          options.onProgress?.(done, tasks.length);
          if (done === tasks.length) resolve();
          else feed(w);
        });
        w.on('error', fail);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
