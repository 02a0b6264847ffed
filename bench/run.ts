/** `npm run bench`: every benchmark in one run, side by side with its reference. `--quick` for fewer repeats. */
import { formatRows, runForestBench, type Row } from './forest.bench';
import { runLimeBench } from './lime.bench';
import { runWorkflowBench } from './workflow.bench';
import { runUiBench } from './ui.bench';
import { runExplainBench } from './explain.bench';

const quick = process.argv.includes('--quick');
const sections: [string, (o: { quick: boolean }) => Promise<Row[]>][] = [
  ['Random forest', runForestBench],
  ['LIME', runLimeBench],
  ['Workflow', runWorkflowBench],
  ['Cold and warm explanations (live Python lime, same run)', runExplainBench],
  ['User interface (Chromium, real handlers and worker)', runUiBench],
];
console.log(
  `Lime Lens benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`,
);
for (const [title, run] of sections) {
  console.log(`## ${title}`);
  console.log(formatRows(await run({ quick })));
  console.log('');
}
