import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    // Main renders the report layout (a Svelte component) to HTML for the saved HTML and PDF files.
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/app/main.ts'),
          worker: resolve('src-main/worker/worker.ts'),
          workerHost: resolve('src-main/worker/host.ts'),
          explainThread: resolve('src-main/worker/explainThread.ts'),
          predictThread: resolve('src-main/worker/predictThread.ts'),
          forestThread: resolve('src-main/worker/forestThread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
  },
});
