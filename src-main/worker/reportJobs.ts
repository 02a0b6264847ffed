/**
 * The worker's report job: explain the chosen rows (on the explain pool when there are enough) and
 * collect every number the report prints with the engine's reportResults — the same function the
 * CLI and `verify` use, so an app report verifies like a CLI one.
 */
import type { ReportInputs, ReportLimeSettings, ReportResults } from '../contract/report';
import { fileDigest, sha256Hex, type FileDigest } from '../engine/io/fileDigest';
import type { Dataset } from '../engine';
import { engineMessage } from '../engine/errors';
import type { LoadArgs } from './protocol';
import type { OpenDataset } from './session';
import { encodeDataRow, withRowContext, type LimeSettings, type RowExplanation } from '../engine';
import {
  dataRowsOf,
  explainRows,
  reportLimeSettings,
  reportResults,
  reportTrainSettings,
  reportTrust,
  reportTrustInputs,
} from '../engine/report';
import { poolFor } from './modelPool';
import { permutationJob } from './permutationJob';
import type { JobContext } from './runner';
import type { Session } from './session';

export interface ReportJobArgs {
  readonly modelId: string;
  /** 1-based data rows. */
  readonly rows: readonly number[];
  readonly lime: ReportLimeSettings;
}

export interface ReportJobResult {
  readonly inputs: ReportInputs;
  readonly results: ReportResults;
}

/** Digests of datasets loaded from bytes (samples, drops), taken from exactly the bytes that were parsed. */
const byteDigests = new WeakMap<Dataset, FileDigest>();

/** Called by the load job: remembers the SHA-256 of a dataset read from bytes. */
export function noteLoadedBytes(dataset: Dataset, args: LoadArgs): void {
  if (args.bytes) {
    byteDigests.set(dataset, {
      name: args.fileName,
      bytes: args.bytes.length,
      sha256: sha256Hex(args.bytes),
    });
  }
}

/** A file on disk is hashed when the report is made; a changed file then fails `verify`, as it should. */
async function digestOf(entry: OpenDataset): Promise<FileDigest> {
  const known = byteDigests.get(entry.dataset);
  if (known) return known;
  if (entry.filePath !== undefined) return fileDigest(entry.filePath);
  throw new Error('The dataset has neither a file nor its bytes to fingerprint.');
}

export interface ReportJobMap {
  report: { args: ReportJobArgs; result: ReportJobResult };
}

/** Below this many rows, starting threads costs more than it saves (as for explainMany). */
const POOL_MIN_ROWS = 8;
/** Share of the progress bar for explaining the cases; the trust figures take the rest. */
const EXPLAIN_SHARE = 0.2;

export function createReportJobs(session: Session) {
  return {
    async report({ modelId, rows, lime }: ReportJobArgs, ctx: JobContext): Promise<ReportJobResult> {
      const model = session.model(modelId);
      const entry = session.dataset(model.datasetId);
      const { dataset } = entry;
      const { trained } = model;
      // The report states every number its verification recomputes: permutation importance the
      // Model view has not computed yet (or the user cancelled there) is computed now.
      await permutationJob(session, modelId, ctx, false);
      const settings: LimeSettings = {
        numFeatures: lime.numFeatures,
        numSamples: lime.numSamples,
        kernelWidth: lime.kernelWidth,
        discretizer: lime.discretizer,
        seed: lime.seed,
      };
      // The cases take the first fifth of the bar; their trust figures (many more explanations) the rest.
      const progress = (fraction: number, done: number) =>
        ctx.progress(
          fraction * EXPLAIN_SHARE,
          engineMessage('progress-explained', { done, total: rows.length }),
        );
      let explanations: RowExplanation[];
      if (rows.length < POOL_MIN_ROWS) {
        explanations = await explainRows(trained, dataset, rows, settings, {
          signal: ctx.signal,
          onProgress: (f) => progress(f, Math.round(f * rows.length)),
        });
      } else {
        const dataRows = dataRowsOf(dataset, rows);
        const started = performance.now();
        const cores = await poolFor(model, settings).explain(
          dataRows.map((r) => ({ instance: encodeDataRow(trained, dataset, r) })),
          { signal: ctx.signal, onProgress: (done, total) => progress(done / total, done) },
        );
        const each = (performance.now() - started) / rows.length;
        explanations = cores.map((core, i) =>
          withRowContext(trained, dataset, dataRows[i], settings, core, each),
        );
      }
      const trustInputs = reportTrustInputs(settings);
      const pool = poolFor(model, settings);
      const trust = await reportTrust(trained, dataset, explanations, settings, trustInputs, {
        explain: (tasks, options) => pool.explain(tasks, options),
        signal: ctx.signal,
        onProgress: (f, message) => ctx.progress(EXPLAIN_SHARE + f * (1 - EXPLAIN_SHARE), message),
      });
      const sheet = dataset.source.format === 'xlsx' ? dataset.source.sheet : undefined;
      const digest = await digestOf(entry);
      return {
        inputs: {
          file: {
            name: digest.name,
            bytes: digest.bytes,
            sha256: digest.sha256,
            ...(sheet !== undefined && { sheet }),
          },
          train: reportTrainSettings(trained.settings),
          lime: reportLimeSettings(settings),
          rows: [...rows],
          trust: trustInputs,
        },
        results: { ...reportResults(dataset, trained, explanations), trust },
      };
    },
  };
}
