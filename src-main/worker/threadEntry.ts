/**
 * Where a worker thread's code lives: the built `.js` next to this module in the app,
 * or the `.ts` source run through tsx (CLI, tests, bench), found from this module's URL.
 */
export function threadEntry(
  name: string,
  here: string = import.meta.url,
): { path: URL; workerData: { entry?: string } } {
  if (here.endsWith('.ts')) {
    return {
      path: new URL('./tsBootstrap.mjs', here),
      workerData: { entry: new URL(`./${name}.ts`, here).href },
    };
  }
  return { path: new URL(`./${name}.js`, here), workerData: {} };
}
