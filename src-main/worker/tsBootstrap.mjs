// Lets Node 20 run the TypeScript worker from source (CLI, tests); the app runs the built out/main/worker.js.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
