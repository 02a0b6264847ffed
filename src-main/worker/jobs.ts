import type { JobHandlers } from './runner';

/** Placeholder until the engine pipeline lands. */
export function createJobHandlers(): JobHandlers {
  return {} as JobHandlers;
}
