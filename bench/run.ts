/** `npm run bench`: every benchmark in one run, side by side with its reference. `--quick` for fewer repeats. */
import { formatRows, runForestBench, type Row } from './forest.bench';
import { runLimeBench } from './lime.bench';
import { runWorkflowBench } from './workflow.bench';
import { runUiBench } from './ui.bench';
import { runTrustBench } from './trust.bench';
import { runExplainBench } from './explain.bench';
import { runScaleBench, runWholeJobBench } from './wholeJob.bench';

const quick = process.argv.includes('--quick');
const sections: [string, (o: { quick: boolean }) => Promise<Row[]>][] = [
  ['Random forest', runForestBench],
  ['LIME', runLimeBench],
  ['Workflow', runWorkflowBench],
  ['Cold and warm explanations (live Python lime, same run)', runExplainBench],
  ['Whole job on generated tables (live pandas + scikit-learn + lime, same run)', runWholeJobBench],
  ['User interface (Chromium, real handlers and worker)', runUiBench],
  ['Trust: stability, TreeSHAP, SP-LIME', runTrustBench],
];
console.log(
  `Lime Lens benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`,
);
// --scale: only the cost curves (whole job at 10 000 … 500 000 rows, chart in docs/).
const scale: typeof sections = [['Cost curves: whole job against rows', runScaleBench]];
for (const [title, run] of process.argv.includes('--scale') ? scale : sections) {
  console.log(`## ${title}`);
  console.log(formatRows(await run({ quick })));
  console.log('');
}
