/**
 * An explanation is computation around a few calls to the model. Written once as a generator
 * that yields each call's result (a value, or a promise when the model answers from elsewhere,
 * e.g. another thread) and gets it back settled, it runs either awaited (explainInstance) or
 * synchronously (explainInstanceSync: a forest in the same thread, e.g. inside trainModel,
 * which has no turn of the event loop to give).
 */
export type ModelCalls<T> = Generator<unknown, T, unknown>;

/** Runs the steps, awaiting each model call; a rejected call is thrown into the steps. */
export async function awaitModelCalls<T>(steps: ModelCalls<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    let settled: unknown;
    try {
      settled = await step.value;
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(settled);
  }
  return step.value;
}

/** Runs the steps in this turn; throws a TypeError (and ends the steps) if a model call is pending. */
export function runModelCallsSync<T>(steps: ModelCalls<T>, what: string): T {
  let step = steps.next();
  while (!step.done) {
    if (step.value instanceof Promise) {
      // Nothing will read it: keep an async model's failure from becoming an unhandled rejection.
      step.value.catch(() => undefined);
      steps.return(undefined as T);
      throw new TypeError(`${what} needs a model that answers synchronously`);
    }
    step = steps.next(step.value);
  }
  return step.value;
}
