/**
 * Charts that appear together (a view's results after a job) start one per task: creating a chart
 * and drawing its first option is one synchronous piece of work, and several of them in the same
 * task made the main thread's longest task 86–151 ms (UI bench). `start` runs in a task of its own,
 * after every chart queued before it has been created and drawn.
 */
let tail: Promise<void> = Promise.resolve();

export function startInTurn(start: () => Promise<void> | void): Promise<void> {
  const run = tail.then(
    () =>
      new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          Promise.resolve()
            .then(start)
            // The chart's first draw happens in an effect right after start(); the next chart waits a task more.
            .then(() => setTimeout(resolve, 0), reject);
        }, 0);
      }),
  );
  tail = run.catch(() => undefined);
  return run;
}
