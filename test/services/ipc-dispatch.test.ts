import { describe, expect, it, vi } from 'vitest';
import type { InvokeChannel } from '../../src-main/contract/ipc';
import { INVOKE_CHANNELS } from '../../src-main/contract/ipc';
import type { Handlers } from '../../src-main/services/handlers';
import {
  createIpcDispatcher,
  OUTCOME_CHANNELS,
  UntrustedSenderError,
} from '../../src-main/services/ipcDispatch';
import { createSenderPolicy } from '../../src-main/services/senderPolicy';
import { ValidationError } from '../../src-main/services/validate';

function spyHandlers() {
  const called: { channel: InvokeChannel; args: unknown }[] = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async (args: unknown) => {
        called.push({ channel, args });
        return channel === 'job:cancel' ? true : { ok: true, value: 'ran' };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, called };
}

const policy = createSenderPolicy(undefined);
const appFrame = { url: 'app://lime-lens/index.html', isMainFrame: true };

function setup() {
  const { handlers, called } = spyHandlers();
  const log = vi.fn();
  const dispatch = createIpcDispatcher({ handlers, isTrustedSender: policy.isTrustedSender, log });
  return { dispatch, called, log };
}

describe('ipc dispatch', () => {
  it('runs the handler with the validated copy of the arguments for a trusted main frame', async () => {
    const { dispatch, called } = setup();
    const result = await dispatch('dataset:rows', appFrame, { datasetId: 'd', offset: 5, limit: 10 });
    expect(result).toEqual({ ok: true, value: 'ran' });
    expect(called).toEqual([{ channel: 'dataset:rows', args: { datasetId: 'd', offset: 5, limit: 10 } }]);
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a file: page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['an iframe of our own origin', { url: 'app://lime-lens/index.html', isMainFrame: false }],
    ['another app:// host', { url: 'app://other/index.html', isMainFrame: true }],
    ['no frame (destroyed)', null],
  ])('refuses %s before validating or running anything', async (_name, sender) => {
    const { dispatch, called, log } = setup();
    await expect(dispatch('job:cancel', sender, { jobId: 'j' })).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(dispatch('dataset:rows', sender, 'not even valid')).rejects.toBeInstanceOf(
      UntrustedSenderError,
    );
    expect(called).toEqual([]);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('bad arguments on an Outcome channel come back as a user error without running the handler', async () => {
    const { dispatch, called } = setup();
    const result = await dispatch('dataset:rows', appFrame, { datasetId: 'd', offset: 0, limit: 5000 });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'user',
        message: 'Invalid request: limit must be an integer from 0 to 1000 (got 5000).',
      },
    });
    expect(called).toEqual([]);
  });

  it('bad arguments on a channel without an Outcome reject with the ValidationError', async () => {
    const { dispatch, called } = setup();
    await expect(dispatch('job:cancel', appFrame, { jobId: '../x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(dispatch('app:info', appFrame, { please: true })).rejects.toThrow('app:info must be empty');
    expect(called).toEqual([]);
  });

  it('refuses a channel that is not in the contract', async () => {
    const { dispatch } = setup();
    await expect(dispatch('fs:read' as InvokeChannel, appFrame, null)).rejects.toThrow(
      'Unknown request "fs:read".',
    );
  });

  it('knows which channels answer with an Outcome', () => {
    expect([...OUTCOME_CHANNELS].sort()).toEqual([
      'dataset:correlation',
      'dataset:feature-distribution',
      'dataset:open-dialog',
      'dataset:open-path',
      'dataset:open-sample',
      'dataset:rows',
      'export:copy-png',
      'export:save-data',
      'export:save-png',
      'model:explain',
      'model:explain-many',
      'model:permutation',
      'model:train',
      'project:open',
      'project:save',
      'report:build',
      'report:save',
      'trust:case',
      'trust:predict',
      'trust:shap-summary',
      'trust:sp-lime',
      'trust:stability',
    ]);
  });
});
