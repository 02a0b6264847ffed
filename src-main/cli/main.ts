/** Lime Lens command line: `npm run cli -- explain --data FILE --row N [--json]`. Returns the exit code. */
import { UserFacingError } from '../engine';
import { parseCliArgs, USAGE } from './args';
import { runExplain } from './explainCommand';
import { formatReport } from './formatReport';
import { safeForTerminal, safeStrings } from './terminalText';
import { runReport } from './reportCommand';
import { runVerify } from './verifyCommand';

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const cmd = parseCliArgs(argv);
    if (cmd.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (cmd.command === 'report') {
      const files = await runReport(cmd);
      process.stdout.write(`${safeForTerminal(files.written.join('\n'), { keepNewlines: true })}\n`);
      for (const note of files.notes) process.stderr.write(`note: ${safeForTerminal(note)}\n`);
      return 0;
    }
    if (cmd.command === 'verify') {
      const outcome = await runVerify(cmd);
      process.stdout.write(`${safeForTerminal(outcome.text, { keepNewlines: true })}\n`);
      return outcome.reproduced ? 0 : 1;
    }
    // Names come from the data file: nothing in them may drive the terminal.
    const report = safeStrings((await runExplain(cmd)).report);
    process.stdout.write(cmd.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UserFacingError || err instanceof RangeError) {
      process.stderr.write(`error: ${safeForTerminal(err.message)}\n`);
      return 2;
    }
    process.stderr.write(
      `internal error: ${safeForTerminal(err instanceof Error ? (err.stack ?? err.message) : String(err), { keepNewlines: true })}\n`,
    );
    return 1;
  }
}
