// Entry point of `npm run cli`; the logic lives in main.ts so tests can call it.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
