/** The worker's jobs: thin wrappers that look up session state and call the engine. */
import {
  DEFAULT_LIME_SETTINGS,
  clusterOrder,
  correlationMatrix,
  encodeDataRow,
  withRowContext,
  explainDataRow,
  featureDistribution,
  loadDataset,
  readDatasetFile,
  trainModel,
  UserFacingError,
} from '../engine';
import { MAX_ROWS_PER_REQUEST } from '../contract/ipc';
import { engineMessage } from '../engine/errors';
import type { JobHandlers } from './runner';
import { createSession } from './session';
import { datasetSummary, explanationDTO, rowsOf, trainResult } from './dto';
import { poolFor } from './modelPool';
import { warmAfterTraining } from './warmAfterTraining';
import { threadedTreeGrower } from './treeGrower';
import type { ExplainRequest, ExplanationDTO } from '../contract/ipc';
import type { JobContext } from './runner';
import type { Session } from './session';
import { caseInsightJob, predictJob, shapSummaryJob, spLimeJob, stabilityJob } from './trustJobs';
import { createProjectJobs } from './projectJobs';
import { createReportJobs, noteLoadedBytes } from './reportJobs';
import { permutationJob } from './permutationJob';

/** Below this many rows, starting threads costs more than it saves. */
const PARALLEL_MIN_ROWS = 8;

/** Rows of one model with one set of LIME settings go to the thread pool; anything else returns null. */
async function explainManyInParallel(
  session: Session,
  requests: readonly ExplainRequest[],
  ctx: JobContext,
): Promise<ExplanationDTO[] | null> {
  if (requests.length < PARALLEL_MIN_ROWS) return null;
  const first = requests[0];
  const sameSettings = JSON.stringify(first.settings);
  if (!requests.every((r) => r.modelId === first.modelId && JSON.stringify(r.settings) === sameSettings))
    return null;
  const model = session.model(first.modelId);
  const { dataset } = session.dataset(model.datasetId);
  const { trained } = model;
  const started = performance.now();
  const cores = await poolFor(model, first.settings).explain(
    requests.map((r) => ({
      instance: encodeDataRow(trained, dataset, r.row - 1),
      ...(r.label !== undefined && { label: r.label }),
    })),
    {
      signal: ctx.signal,
      onProgress: (done, total) =>
        ctx.progress(done / total, engineMessage('progress-explained', { done, total })),
    },
  );
  const each = (performance.now() - started) / requests.length;
  return cores.map((core, i) =>
    explanationDTO(
      first.modelId,
      trained,
      withRowContext(trained, dataset, requests[i].row - 1, first.settings, core, each),
    ),
  );
}

/** A throwaway job's context: nobody listens to its progress or cancels it. */
const IDLE_CONTEXT: JobContext = { signal: new AbortController().signal, progress: () => {} };

export function createJobHandlers(session = createSession()): JobHandlers {
  const handlers: JobHandlers = {
    async load(args, ctx) {
      ctx.progress(0, engineMessage('progress-reading'));
      const dataset = args.bytes
        ? loadDataset(args.bytes, args.fileName, { ...(args.sheet !== undefined && { sheet: args.sheet }) })
        : args.path
          ? await readDatasetFile(args.path, { ...(args.sheet !== undefined && { sheet: args.sheet }) })
          : (() => {
              throw UserFacingError.of('nothing-to-open', {});
            })();
      const entry = session.addDataset(dataset, args.path, args.datasetId);
      noteLoadedBytes(dataset, args);
      ctx.progress(1, engineMessage('progress-loaded'));
      return datasetSummary(entry.id, dataset, args.path);
    },

    rows({ datasetId, offset, limit }) {
      const { dataset } = session.dataset(datasetId);
      return { offset, rows: rowsOf(dataset, offset, Math.min(limit, MAX_ROWS_PER_REQUEST)) };
    },

    correlation({ datasetId, columns, order }) {
      const { dataset } = session.dataset(datasetId);
      const names = columns ?? dataset.columns.filter((c) => c.kind === 'numeric').map((c) => c.name);
      const { matrix } = correlationMatrix(dataset, names);
      if (order === 'original' || names.length < 3) return { names, matrix };
      const perm = clusterOrder(matrix);
      return { names: perm.map((i) => names[i]), matrix: perm.map((i) => perm.map((j) => matrix[i][j])) };
    },

    featureDistribution({ datasetId, feature, target, bins }) {
      const { dataset } = session.dataset(datasetId);
      const d = featureDistribution(dataset, feature, target, bins);
      return { feature: d.feature, classes: d.classes, edges: d.edges, counts: d.counts };
    },

    train({ datasetId, settings }, ctx) {
      const { dataset } = session.dataset(datasetId);
      const trained = trainModel(dataset, settings, {
        growTrees: threadedTreeGrower(),
        // The metrics first; the renderer then asks for permutation importance (permutationJob.ts).
        deferPermutation: true,
        signal: ctx.signal,
        onProgress: (f, message) => ctx.progress(f, message),
      });
      const model = session.addModel(datasetId, trained);
      // Warm the explanation path while the user reads the metrics (after this job has answered),
      // including throwaway explain jobs on test cases: the jobs' own code (the rows' encoding, the
      // file's values, the DTOs, the pool's round trip) then runs optimized on the user's first click.
      const testRows = Array.from(
        trained.split.test.subarray(0, PARALLEL_MIN_ROWS),
        (i) => trained.frame.rowIndex[i] + 1,
      );
      const requests = testRows.map((row) => ({ modelId: model.id, row, settings: DEFAULT_LIME_SETTINGS }));
      const rehearsals = {
        one: () => requests.length > 0 && handlers.explain(requests[0], IDLE_CONTEXT),
        many: () => requests.length >= PARALLEL_MIN_ROWS && handlers.explainMany({ requests }, IDLE_CONTEXT),
      };
      setTimeout(
        () => void warmAfterTraining(model, () => session.hasModel(model.id), rehearsals).catch(() => {}),
        0,
      );
      return trainResult(model.id, datasetId, settings, trained, dataset);
    },

    async explain({ modelId, row, label, settings }, ctx) {
      const model = session.model(modelId);
      const { dataset } = session.dataset(model.datasetId);
      ctx.progress(0, engineMessage('progress-explaining'));
      // Requests carry the user's 1-based row; the engine indexes from 0.
      const e = await explainDataRow(model.trained, dataset, row - 1, settings, {
        ...(label !== undefined && { label }),
        signal: ctx.signal,
        ...(model.predictor && { predictor: model.predictor }),
      });
      return explanationDTO(modelId, model.trained, e);
    },

    async explainMany({ requests }, ctx) {
      const parallel = await explainManyInParallel(session, requests, ctx);
      if (parallel) return parallel;
      const out = [];
      for (const [i, request] of requests.entries()) {
        const model = session.model(request.modelId);
        const { dataset } = session.dataset(model.datasetId);
        const e = await explainDataRow(model.trained, dataset, request.row - 1, request.settings, {
          ...(request.label !== undefined && { label: request.label }),
          signal: ctx.signal,
        });
        out.push(explanationDTO(request.modelId, model.trained, e));
        ctx.progress(
          (i + 1) / requests.length,
          engineMessage('progress-explained', { done: i + 1, total: requests.length }),
        );
      }
      return out;
    },

    release({ datasetId }) {
      return session.release(datasetId);
    },

    stability: (args, ctx) => stabilityJob(session, args, ctx),
    caseInsight: (args, ctx) => caseInsightJob(session, args, ctx),
    predictCase: (args) => predictJob(session, args),
    shapSummary: ({ modelId }, ctx) => shapSummaryJob(session, modelId, ctx),
    spLime: (args, ctx) => spLimeJob(session, args, ctx),
    ...createProjectJobs(session),

    ...createReportJobs(session),
    permutation: (args, ctx) => permutationJob(session, args.modelId, ctx),
  };
  return handlers;
}
