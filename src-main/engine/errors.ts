/**
 * An error whose message is written for the person using the app: it names the
 * file and, where it applies, the row and column, and says what was expected.
 * The UI and the CLI show `message` verbatim and never a stack trace.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  constructor(
    message: string,
    readonly details: Readonly<{ file?: string; row?: number; column?: string; code?: string }> = {},
  ) {
    super(message);
  }
}

/** Thrown by long jobs when their AbortSignal fires. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'Cancelled') {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
