// Runs in the page before the app (bundled by the harness with esbuild): the same curated API
// object the Electron preload exposes, with a Playwright binding as its transport.
import { createLimeLensApi } from '../../../src-main/preload/api';
import type { EventChannel, LimeLensApi } from '../../../src-main/contract/ipc';

declare global {
  interface Window {
    __limeLensInvoke(channel: string, args: unknown): Promise<unknown>;
    __limeLensEmit(channel: string, payload: unknown): void;
    __harnessPathForFile?: (file: File) => string;
    readonly limeLens: LimeLensApi;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

// The binding is a property on window; keep a private reference so the page cannot swap it.
const invokeBinding = (channel: string, args: unknown) => window.__limeLensInvoke(channel, args);

Object.defineProperty(window, '__limeLensEmit', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  },
});

const api = createLimeLensApi({
  // Arguments cross as JSON like structured clone would (the binding serializes them).
  invoke: (channel, args) => invokeBinding(channel, args),
  on(channel: EventChannel, listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
  pathForFile: (file) => window.__harnessPathForFile?.(file) ?? '',
});

Object.defineProperty(window, 'limeLens', { value: api, enumerable: true });
