/** The notice shown when main replaced the computation worker, in the user's language. */
import type { WorkerRestartReason, WorkerStatusEvent } from '../contract';
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/translate';

const REASON: Readonly<Record<WorkerRestartReason, MessageKey>> = {
  'out-of-memory': 'notice.workerRestarted.outOfMemory',
  crashed: 'notice.workerRestarted.crashed',
  unresponsive: 'notice.workerRestarted.unresponsive',
};

export function workerRestartNotice(event: WorkerStatusEvent): string {
  // Without a reason (an older main), main's English message is all there is.
  const what = event.reason
    ? t(REASON[event.reason])
    : t('notice.workerRestarted', { message: event.message });
  const next = event.datasetReloaded ? 'notice.workerRestarted.reloaded' : 'notice.workerRestarted.reopen';
  return `${what} ${t(next)}`;
}
