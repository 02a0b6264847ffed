/**
 * Where a worker thread's code lives: the built `.js` next to the entry that spawns it in the
 * app, or the `.ts` source run through tsx (CLI, tests, bench).
 *
 * The base is the URL of an entry file, not of this module: the bundler moves shared code such
 * as this module into `chunks/`, where `./explainThread.js` would not exist. Entries that spawn
 * threads call setThreadBase(import.meta.url) first.
 */
let base = import.meta.url;

export function setThreadBase(entryUrl: string): void {
  base = entryUrl;
}

/** `override`: an explicit script for this thread (benchmarks pass bundled builds). */
export function threadEntry(
  name: string,
  override?: URL,
  here: string = base,
): { path: URL; workerData: { entry?: string } } {
  if (override) return { path: override, workerData: {} };
  if (here.endsWith('.ts')) {
    return {
      path: new URL('./tsBootstrap.mjs', here),
      workerData: { entry: new URL(`./${name}.ts`, here).href },
    };
  }
  return { path: new URL(`./${name}.js`, here), workerData: {} };
}
