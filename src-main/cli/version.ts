/** The app's version from package.json, for the report's audit record. */
import { createRequire } from 'node:module';

export const APP_VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;
