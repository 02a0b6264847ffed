/**
 * The gate every renderer request passes before a handler runs: known channel →
 * trusted sender frame → validated arguments. app/ipc.ts feeds it Electron's events;
 * tests and the e2e harness feed it directly.
 */
import type { InvokeChannel, InvokeMap, Outcome } from '../contract/ipc';
import { INVOKE_CHANNELS } from '../contract/ipc';
import type { Handlers } from './handlers';
import { userError } from './handlers';
import { validators, ValidationError } from './validate';

/** Channels whose result is an Outcome (or null), so a bad argument comes back as `{ ok: false }`. */
type OutcomeChannel = {
  [C in InvokeChannel]: InvokeMap[C]['result'] extends Outcome<unknown> | null ? C : never;
}[InvokeChannel];

// A Record, not a list, so that adding an Outcome channel to the contract fails to compile until listed.
const OUTCOME: Readonly<Record<OutcomeChannel, true>> = {
  'dataset:open-dialog': true,
  'dataset:open-path': true,
  'dataset:open-sample': true,
  'dataset:rows': true,
  'dataset:correlation': true,
  'dataset:feature-distribution': true,
  'model:train': true,
  'model:explain': true,
  'trust:stability': true,
  'trust:case': true,
  'trust:predict': true,
  'trust:shap-summary': true,
  'trust:sp-lime': true,
  'model:explain-many': true,
  'export:save-png': true,
  'export:copy-png': true,
  'export:save-data': true,
  'project:save': true,
  'project:open': true,
  'report:build': true,
  'report:save': true,
  'model:permutation': true,
};

export const OUTCOME_CHANNELS: ReadonlySet<InvokeChannel> = new Set(Object.keys(OUTCOME) as OutcomeChannel[]);

/** What main knows about the frame that sent a request. */
export interface SenderFrame {
  readonly url: string;
  /** False for iframes: only the top-level page of our app may call main. */
  readonly isMainFrame: boolean;
}

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

export type Dispatch = <C extends InvokeChannel>(
  channel: C,
  sender: SenderFrame | null,
  rawArgs: unknown,
) => Promise<InvokeMap[C]['result']>;

export function createIpcDispatcher(options: {
  readonly handlers: Handlers;
  readonly isTrustedSender: (frameUrl: string) => boolean;
  readonly log?: (message: string) => void;
}): Dispatch {
  const known: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
  const log = options.log ?? ((message: string) => console.warn(`[ipc] ${message}`));

  return async function dispatch<C extends InvokeChannel>(
    channel: C,
    sender: SenderFrame | null,
    rawArgs: unknown,
  ): Promise<InvokeMap[C]['result']> {
    if (!known.has(channel)) throw new Error(`Unknown request "${String(channel)}".`);
    if (!sender || !sender.isMainFrame || !options.isTrustedSender(sender.url)) {
      log(`Refused ${channel} from an untrusted frame (${sender?.url ?? 'no frame'}).`);
      throw new UntrustedSenderError(
        `Refused ${channel}: the request did not come from Lime Lens's own page.`,
      );
    }
    let args: InvokeMap[C]['args'];
    try {
      args = (validators[channel] as (raw: unknown) => InvokeMap[C]['args'])(rawArgs);
    } catch (err) {
      if (err instanceof ValidationError && OUTCOME_CHANNELS.has(channel)) {
        return { ok: false, error: userError(err.message) } as InvokeMap[C]['result'];
      }
      throw err;
    }
    const handler = options.handlers[channel] as (a: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
    return handler(args);
  };
}
