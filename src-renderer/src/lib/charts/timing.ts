/**
 * Named User Timing measures around the main thread's heavy chart work (create, option, setOption,
 * resize), so a long task can be told apart by what it was: the UI bench (bench/ui.measure.e2e.ts)
 * names each task over 50 ms after the measures it overlaps, and a DevTools trace shows them too.
 * A measure costs microseconds.
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
