import {
  englishMessage,
  type EngineMessageCode,
  type MessageDTO,
  type MessageParams,
} from '../contract/messages';

/**
 * An error whose message is written for the person using the app: it names the
 * file and, where it applies, the row and column, and says what was expected.
 * The UI and the CLI show `message` verbatim and never a stack trace.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  constructor(
    message: string,
    readonly details: Readonly<{
      file?: string;
      row?: number;
      column?: string;
      code?: string;
      /** The message's parameters, so the UI can say it in the user's language (see contract/messages). */
      params?: MessageParams;
    }> = {},
  ) {
    super(message);
  }

  /**
   * An error from the message catalog: the English text of `code` filled with `params`; `where`
   * says which file, row and column it concerns.
   */
  static of(
    code: EngineMessageCode,
    params: MessageParams,
    where: Readonly<{ file?: string; row?: number; column?: string }> = {},
  ): UserFacingError {
    return new UserFacingError(englishMessage(code, params), { ...where, code, params });
  }
}

/** A message from the catalog as data (dataset warnings): code, parameters and English text. */
export function engineMessage(code: EngineMessageCode, params: MessageParams = {}): MessageDTO {
  return { code, params, message: englishMessage(code, params) };
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
