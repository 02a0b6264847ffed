/**
 * Cancel flags shared with a compute thread: engine loops are synchronous, so a 'cancel'
 * message would only be read after the job had finished; the thread instead reads its job's
 * slot in this SharedArrayBuffer whenever it reports progress.
 */
import { CANCEL_SLOTS } from './cancelFlags';

export interface CancelBoard {
  /** Hand to the thread as workerData.cancelFlags. */
  readonly buffer: SharedArrayBuffer;
  /** A cleared slot for a new job (sent to the thread with the job). */
  assign(jobId: string): number;
  /** Raises the job's flag; false when the job is unknown (already finished). */
  cancel(jobId: string): boolean;
  /** Forgets a finished job. */
  done(jobId: string): void;
}

export function createCancelBoard(): CancelBoard {
  const buffer = new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(buffer);
  const slots = new Map<string, number>();
  let next = 0;
  return {
    buffer,
    assign(jobId) {
      const slot = next++ % CANCEL_SLOTS;
      Atomics.store(flags, slot, 0);
      slots.set(jobId, slot);
      return slot;
    },
    cancel(jobId) {
      const slot = slots.get(jobId);
      if (slot === undefined) return false;
      Atomics.store(flags, slot, 1);
      return true;
    },
    done(jobId) {
      slots.delete(jobId);
    },
  };
}
