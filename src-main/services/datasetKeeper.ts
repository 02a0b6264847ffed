/**
 * Keeps the renderer's dataset usable across a worker restart. Datasets and models live in
 * the worker and die with it; main remembers how the dataset on screen was loaded (a path
 * and sheet, or a sample's bytes) and loads it again in the new worker under the same id,
 * so the renderer's tables and charts keep working and only the model has to be retrained.
 * A crash while reloading is not retried (the reload itself may be what fails).
 */
import type { DatasetSummaryDTO, WorkerRestartReason } from '../contract/ipc';
import type { JobClient, LoadArgs } from '../worker/protocol';

export interface DatasetKeeper {
  /** The dataset the renderer now shows, and how to load it again. */
  remember(summary: DatasetSummaryDTO, args: LoadArgs): void;
  /** Called with the outcome once a restart has been handled. */
  onRecovered(
    listener: (event: { message: string; reason: WorkerRestartReason; datasetReloaded: boolean }) => void,
  ): void;
}

export function createDatasetKeeper(
  jobs: JobClient,
  log: (message: string, error: unknown) => void,
): DatasetKeeper {
  let current: { readonly datasetId: string; readonly args: LoadArgs } | undefined;
  let reloading = false;
  const listeners: Parameters<DatasetKeeper['onRecovered']>[0][] = [];

  jobs.onRestart((message, reason) => {
    if (reloading) {
      // The reload crashed the new worker too: give up on it (its pending run rejects below).
      current = undefined;
      return;
    }
    void recover(message, reason);
  });

  async function recover(message: string, reason: WorkerRestartReason): Promise<void> {
    const remembered = current;
    let datasetReloaded = false;
    if (remembered) {
      reloading = true;
      try {
        await jobs.run('load', { ...remembered.args, datasetId: remembered.datasetId });
        datasetReloaded = current === remembered;
      } catch (err) {
        if (current === remembered) current = undefined;
        log('Reopening the dataset after a worker restart failed', err);
      } finally {
        reloading = false;
      }
    }
    for (const listener of listeners) listener({ message, reason, datasetReloaded });
  }

  return {
    remember(summary, args) {
      current = { datasetId: summary.datasetId, args };
    },
    onRecovered(listener) {
      listeners.push(listener);
    },
  };
}
