// The UI bench's measurement (bench/ui.measure.e2e.ts) with the e2e settings; run by bench/ui.bench.ts.
import { defineConfig, mergeConfig } from 'vitest/config';
import e2e from './vitest.e2e.config';

export default mergeConfig(e2e, defineConfig({ test: { include: ['bench/ui.measure.e2e.ts'] } }));
