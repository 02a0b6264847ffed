/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { LimeLensApi } from '../../src-main/contract/ipc';

declare global {
  interface Window {
    readonly limeLens: LimeLensApi;
  }
}
