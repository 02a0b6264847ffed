/** Bundles entries to plain ESM in one folder, as electron-vite does for the app (threads beside the worker). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** `entries`: paths relative to the repository root. Returns the folder and a URL per entry name. */
export async function bundleEntries(
  entries: readonly string[],
): Promise<{ dir: string; url: (name: string) => URL }> {
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-bench-build-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  await build({
    entryPoints: entries.map((e) => fileURLToPath(new URL(`../${e}`, import.meta.url))),
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir: dir,
    entryNames: '[name]',
    splitting: false,
    external: ['esbuild', 'playwright-core'],
    logLevel: 'error',
  });
  return { dir, url: (name) => pathToFileURL(join(dir, `${name}.js`)) };
}
