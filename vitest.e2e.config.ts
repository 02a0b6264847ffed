import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// End-to-end tests drive the built renderer in Chromium; run `electron-vite build` first (npm run test:e2e does).
export default defineConfig({
  // The harness runs the real handlers, which render the report layout (a .svelte file).
  plugins: [svelte({ configFile: resolve('svelte.config.js') })],
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One Chromium and one worker per file at a time: the machine has two cores.
    fileParallelism: false,
  },
});
