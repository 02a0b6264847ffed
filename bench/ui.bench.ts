/**
 * The UI section of `npm run bench`: runs bench/ui.measure.e2e.ts under vitest (which compiles
 * the report's Svelte layout the real handlers import; tsx cannot) and returns its rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './forest.bench';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function runUiBench({ quick = false } = {}): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-ui-bench-'));
  const out = join(dir, 'rows.json');
  try {
    execFileSync('npx', ['vitest', 'run', '--config', 'vitest.bench-ui.config.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, UI_BENCH_OUT: out, UI_BENCH_QUICK: quick ? '1' : '0' },
    });
    return JSON.parse(readFileSync(out, 'utf8')) as Row[];
  } catch (err) {
    return [
      {
        name: 'UI benchmarks',
        ours_ms: Number.NaN,
        reference: '—',
        note: `failed: ${(err as Error).message}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
