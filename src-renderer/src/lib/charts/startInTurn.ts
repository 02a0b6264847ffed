/**
 * Chart work that arrives together (a view's charts starting, one result redrawing several charts)
 * runs one piece per task: creating a chart, merging and laying out an option, and painting it
 * (in the next animation frame, paintNextFrame.ts) are each one synchronous piece of work, and
 * several of them in one task or frame held the main thread for 86–231 ms (UI bench). `start`
 * runs in a task of its own, after every piece queued before it has run and the animation frame
 * after it has painted.
 */
let tail: Promise<void> = Promise.resolve();

export function startInTurn(start: () => Promise<void> | void): Promise<void> {
  const run = tail.then(
    () =>
      new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          Promise.resolve()
            .then(start)
            // The next piece waits for the frame that paints this one, and a task more.
            .then(() => requestAnimationFrame(() => setTimeout(resolve, 0)), reject);
        }, 0);
      }),
  );
  tail = run.catch(() => undefined);
  return run;
}
