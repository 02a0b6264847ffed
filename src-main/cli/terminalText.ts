/**
 * Text from a data file (column, class and file names, cell values in conditions) reaches the
 * terminal through the CLI. Control characters in it would be obeyed by the terminal — an
 * escape sequence can set the title, clear the screen or rewrite earlier lines — and bidi
 * overrides can make printed text read differently from what it is. They are removed.
 */

/** C0 and C1 controls, DEL, and the bidi embedding/override/isolate marks. */
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** `text` without control characters; `keepNewlines` keeps line breaks of our own output. */
export function safeForTerminal(text: string, { keepNewlines = false } = {}): string {
  return keepNewlines ? text.replace(UNSAFE, (c) => (c === '\n' ? c : '')) : text.replace(UNSAFE, '');
}

/** A copy of a plain-data value with every string (and object key) made safe for the terminal. */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return safeForTerminal(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => safeStrings(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [safeForTerminal(k), safeStrings(v as unknown)]),
    ) as T;
  }
  return value;
}
