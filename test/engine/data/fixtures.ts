import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of a file in test/fixtures/data. */
export function fixture(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url)));
}

/** Bytes of a shipped sample in assets/samples. */
export function sample(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../../assets/samples/${name}`, import.meta.url)));
}

/** The UserFacingError (or other error) a call throws, for asserting on message and details. */
export function thrown(fn: () => unknown): Error & { details?: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as Error & { details?: Record<string, unknown> };
  }
  throw new Error('expected an error, none was thrown');
}
