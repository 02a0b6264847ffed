// Entry point of `npm run cli`; the logic lives in main.ts so tests can call it.
import { register } from 'node:module';

// Before main is imported: the report layout it renders is a .svelte file.
register('./svelteHooks.mjs', import.meta.url);
const { main } = await import('./main');
process.exitCode = await main(process.argv.slice(2));
