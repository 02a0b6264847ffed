/** `verify`: recompute a report.json from the data file and say which numbers, if any, differ. */
import { readFile } from 'node:fs/promises';
import { readDatasetFile, UserFacingError } from '../engine';
import { fileDigest } from '../engine/io/fileDigest';
import { compareResults, computeReportResults, parseReportJson } from '../engine/report';
import type { VerifyCommand } from './args';

export interface VerifyOutcome {
  readonly reproduced: boolean;
  readonly text: string;
}

const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

export async function runVerify(cmd: VerifyCommand): Promise<VerifyOutcome> {
  let text: string;
  try {
    text = await readFile(cmd.report, 'utf8');
  } catch (err) {
    throw new UserFacingError(
      `Cannot read ${cmd.report}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
      {
        file: cmd.report,
      },
    );
  }
  const report = parseReportJson(text, cmd.report);
  const { inputs } = report;
  const digest = await fileDigest(cmd.data);
  const lines: string[] = [];
  const fileChanged = digest.sha256 !== inputs.file.sha256;
  if (fileChanged) {
    lines.push(
      `data file differs: ${cmd.data} has SHA-256 ${digest.sha256} (${digest.bytes} bytes), ` +
        `the report was made from ${inputs.file.name} with SHA-256 ${inputs.file.sha256} (${inputs.file.bytes} bytes).`,
    );
  }
  const dataset = await readDatasetFile(cmd.data, {
    ...(inputs.file.sheet !== undefined && { sheet: inputs.file.sheet }),
  });
  const { results } = await computeReportResults(dataset, inputs);
  const cmp = compareResults(report.results, results);
  if (cmp.differences.length === 0 && !fileChanged) {
    return { reproduced: true, text: `reproduced: ${cmp.matching} of ${cmp.numbers} numbers match` };
  }
  if (cmp.differences.length === 0) {
    lines.push(`all ${cmp.numbers} numbers match nevertheless.`);
  } else {
    lines.push(`not reproduced: ${cmp.matching} of ${cmp.numbers} numbers match; these differ:`);
    for (const d of cmp.differences.slice(0, 200)) {
      lines.push(`  ${d.path}: report ${shown(d.recorded)}, recomputed ${shown(d.recomputed)}`);
    }
    if (cmp.differences.length > 200) lines.push(`  … and ${cmp.differences.length - 200} more`);
  }
  return { reproduced: false, text: lines.join('\n') };
}
