/** `npm run bench`: every benchmark in one run, side by side with its reference. `--quick` for fewer repeats. */
import { formatRows, type Row } from './forest.bench';

// Each section is imported when it runs: the UI bench pulls in the e2e harness and with it the
// report's .svelte layout, which tsx cannot load, and that must not stop `--scale` or the rest.
type Section = (o: { quick: boolean }) => Promise<Row[]>;
const runForestBench: Section = async (o) => (await import('./forest.bench')).runForestBench(o);
const runLimeBench: Section = async (o) => (await import('./lime.bench')).runLimeBench(o);
const runWorkflowBench: Section = async (o) => (await import('./workflow.bench')).runWorkflowBench(o);
const runUiBench: Section = async (o) => (await import('./ui.bench')).runUiBench(o);
const runTrustBench: Section = async (o) => (await import('./trust.bench')).runTrustBench(o);
const runExplainBench: Section = async (o) => (await import('./explain.bench')).runExplainBench(o);
const runWholeJobBench: Section = async (o) => (await import('./wholeJob.bench')).runWholeJobBench(o);
const runBackgroundWorkBench: Section = async (o) =>
  (await import('./backgroundWork.bench')).runBackgroundWorkBench(o);
const runScaleBench: Section = async (o) => (await import('./wholeJob.bench')).runScaleBench(o);

const quick = process.argv.includes('--quick');
const sections: [string, Section][] = [
  ['Random forest', runForestBench],
  ['LIME', runLimeBench],
  ['Workflow', runWorkflowBench],
  ['Cold and warm explanations (live Python lime, same run)', runExplainBench],
  ['Whole job on generated tables (live pandas + scikit-learn + lime, same run)', runWholeJobBench],
  ['User interface (Chromium, real handlers and worker)', runUiBench],
  ['Trust: stability, TreeSHAP, SP-LIME', runTrustBench],
  ['Background work: a click while permutation importance runs', runBackgroundWorkBench],
];
console.log(
  `Lime Lens benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`,
);
// --scale: only the cost curves (whole job at 10 000 … 500 000 rows, chart in docs/).
const scale: typeof sections = [['Cost curves: whole job against rows', runScaleBench]];
// --only a,b: just the sections whose title contains one of these words (e.g. --only cold,interface).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').toLowerCase().split(',').filter(Boolean) : [];
const chosen = (process.argv.includes('--scale') ? scale : sections).filter(
  ([title]) => only.length === 0 || only.some((word) => title.toLowerCase().includes(word)),
);
for (const [title, run] of chosen) {
  console.log(`## ${title}`);
  try {
    console.log(formatRows(await run({ quick })));
  } catch (error) {
    // One section that cannot run (e.g. the UI bench's .svelte imports under tsx) must not hide the rest.
    console.log(`not run: ${(error as Error).message.split('\n')[0]}`);
  }
  console.log('');
}
