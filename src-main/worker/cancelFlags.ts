/** Slots in the SharedArrayBuffer through which main flags a job as cancelled. */
export const CANCEL_SLOTS = 256;

export function cancelSlotOf(n: number): number {
  return ((n % CANCEL_SLOTS) + CANCEL_SLOTS) % CANCEL_SLOTS;
}
