// The UI bench's measurement (bench/ui.measure.e2e.ts) with the e2e settings; run by bench/ui.bench.ts.
// Not mergeConfig: it concatenates `include`, which ran every e2e test file with the bench.
import { defineConfig } from 'vitest/config';
import e2e from './vitest.e2e.config';

export default defineConfig({ ...e2e, test: { ...e2e.test, include: ['bench/ui.measure.e2e.ts'] } });
