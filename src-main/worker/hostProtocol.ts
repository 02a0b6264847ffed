/** Messages between main and the worker host process (host.ts); jobs themselves are protocol.ts's. */
import type { WorkerRestartReason } from '../contract/ipc';
import type { JobName, WorkerReply } from './protocol';

export type MainToHost =
  | { readonly type: 'job'; readonly id: string; readonly kind: JobName; readonly args: unknown }
  | { readonly type: 'cancel'; readonly id: string }
  | { readonly type: 'ping' };

export type HostToMain =
  | WorkerReply
  /** The compute thread died; the host exits after sending this. */
  | { readonly type: 'fatal'; readonly reason: WorkerRestartReason; readonly detail: string };
