/**
 * Permutation importance after training. The train job answers with the model and its metrics;
 * the Model view then asks for permutation importance as a follow-up job with its own progress
 * and cancel, so the user is never blocked by it and cancelling keeps the model (the chart then
 * says it was not computed and offers to compute it).
 */
import type { LimeLensApi, TrainResultDTO } from '../contract';
import { newJobId } from '../lib/jobId';
import { app } from './app.svelte';

export type PermutationStatus = 'running' | 'cancelled' | 'failed' | 'done';

class PermutationState {
  /** The model this status is about; another model starts afresh. */
  modelId = $state<string | null>(null);
  status = $state<PermutationStatus>('done');
  fraction = $state(0);
  private jobId: string | null = null;
  private listening = false;

  /** Starts the job once per model whose permutation importance is missing (the Model view calls it). */
  ensure(result: TrainResultDTO): void {
    if (result.permutationImportance.length > 0 || this.modelId === result.modelId) return;
    void this.compute(result.modelId);
  }

  async compute(modelId: string): Promise<void> {
    const api: LimeLensApi | undefined = window.limeLens;
    if (!api) return;
    if (!this.listening) {
      this.listening = true;
      api.on('job:progress', (e) => {
        if (e.jobId === this.jobId) this.fraction = Math.min(1, Math.max(0, e.fraction));
      });
    }
    const jobId = newJobId();
    this.modelId = modelId;
    this.jobId = jobId;
    this.status = 'running';
    this.fraction = 0;
    let outcome: Awaited<ReturnType<LimeLensApi['permutationImportance']>>;
    try {
      outcome = await api.permutationImportance(jobId, modelId);
    } catch (e) {
      outcome = {
        ok: false,
        error: { kind: 'internal', message: e instanceof Error ? e.message : String(e) },
      };
    }
    if (this.jobId !== jobId) return; // superseded by a newer model or a retry
    this.jobId = null;
    if (outcome.ok) {
      if (app.train?.modelId === modelId) app.train = { ...app.train, permutationImportance: outcome.value };
      this.status = 'done';
      return;
    }
    this.status = outcome.error.kind === 'cancelled' ? 'cancelled' : 'failed';
  }

  async cancel(): Promise<void> {
    if (this.jobId) await window.limeLens?.cancelJob(this.jobId);
  }
}

export const permutation = new PermutationState();
