/**
 * The report's trust figures (issue #9 §6): per case LIME stability over seeded runs, LIME vs
 * TreeSHAP and collapsed bins; globally mean |SHAP| over the test split and the SP-LIME picks.
 * Every LIME run starts from a recorded seed, so `verify` recomputes the same numbers. The many
 * explanations go through `explain`, which the worker points at its thread pool (bit-identical to
 * the sequential default the CLI and `verify` use).
 */
import {
  REPORT_SPLIME_BUDGET,
  REPORT_SPLIME_COLUMNS,
  REPORT_SPLIME_SAMPLE,
  REPORT_STABILITY_RUNS,
  type ReportCaseTrust,
  type ReportTrustInputs,
  type ReportTrustResults,
} from '../../contract/report';
import type { MessageDTO } from '../../contract/messages';
import { caseId } from '../data/caseIds';
import { modelTrainColumns } from '../data/imputer';
import type { Dataset } from '../data/types';
import { engineMessage, throwIfAborted } from '../errors';
import {
  encodeDataRow,
  explainEncodedRow,
  explainerFor,
  type EncodedRowExplanation,
  type RowExplanation,
} from '../pipeline/explainDataRow';
import type { TrainedModel } from '../pipeline/trainModel';
import type { LimeSettings } from '../pipeline/types';
import { TreeShapExplainer } from '../shap/treeShap';
import { explanationAgreement } from '../trust/agreement';
import { collapsedBinsOf } from '../trust/collapsedBins';
import {
  DEFAULT_STABILITY_TOP_K,
  STABLE_JACCARD,
  stabilitySeeds,
  namedStability,
} from '../trust/limeStability';
import { pickSample, submodularPick } from '../trust/submodularPick';

/** One explanation to make: an encoded row, with an optional class, seed and sample size. */
export interface TrustTask {
  readonly instance: readonly number[];
  readonly label?: number;
  readonly seed?: number;
  readonly numSamples?: number;
}

/** Explains tasks in order (results in task order); `onProgress(done, total)`. */
export type ExplainTasks = (
  tasks: readonly TrustTask[],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
) => Promise<EncodedRowExplanation[]>;

/** The default: one explanation after another on this thread. */
export function sequentialExplainTasks(model: TrainedModel, lime: LimeSettings): ExplainTasks {
  const explainer = explainerFor(model, lime);
  return async (tasks, { signal, onProgress }) => {
    const out: EncodedRowExplanation[] = [];
    for (const task of tasks) {
      throwIfAborted(signal);
      const settings = {
        ...lime,
        ...(task.seed !== undefined && { seed: task.seed }),
        ...(task.numSamples !== undefined && { numSamples: task.numSamples }),
      };
      out.push(
        await explainEncodedRow(explainer, model.forest, model.frame, task.instance, settings, {
          ...(task.label !== undefined && { label: task.label }),
          signal,
        }),
      );
      onProgress?.(out.length, tasks.length);
    }
    return out;
  };
}

/** The trust settings a new report records: seeds follow the LIME seed. */
export function reportTrustInputs(lime: LimeSettings): ReportTrustInputs {
  return {
    stabilitySeeds: stabilitySeeds(lime.seed, REPORT_STABILITY_RUNS),
    stabilitySamples: lime.numSamples,
    topK: DEFAULT_STABILITY_TOP_K,
    spLimeSeed: lime.seed,
    spLimeSample: REPORT_SPLIME_SAMPLE,
    spLimeBudget: REPORT_SPLIME_BUDGET,
  };
}

/**
 * Mean |SHAP| per feature over `rows` (rows × features, encoded); classification averages the
 * classes' mean |φ| (for two classes φ₀ = −φ₁, so it equals either class's).
 */
export function meanAbsShap(
  explainer: TreeShapExplainer,
  rows: readonly (readonly number[])[],
  signal?: AbortSignal,
): number[] {
  const d = explainer.nFeatures;
  const nOut = explainer.nOutputs;
  const sums = new Float64Array(d);
  const buffer = new Float64Array(nOut * d);
  for (let i = 0; i < rows.length; i++) {
    if (i % 32 === 0) throwIfAborted(signal);
    explainer.shapInto(rows[i], buffer);
    for (let k = 0; k < buffer.length; k++) sums[k % d] += Math.abs(buffer[k]);
  }
  return Array.from(sums, (s) => s / Math.max(1, rows.length * nOut));
}

export interface ReportTrustOptions {
  readonly explain?: ExplainTasks;
  readonly signal?: AbortSignal;
  /** 0..1 over the whole trust computation. */
  readonly onProgress?: (fraction: number, message: MessageDTO) => void;
}

/** Share of the progress bar per stage: stability runs dominate, SP-LIME explains the test rows. */
const STABILITY_SHARE = 0.6;

/**
 * The trust figures of a report whose cases are `explanations` (report order), made with `lime`.
 * @param trust seeds and sizes (see ReportTrustInputs), from `reportTrustInputs` or a report.json
 */
export async function reportTrust(
  model: TrainedModel,
  dataset: Dataset,
  explanations: readonly RowExplanation[],
  lime: LimeSettings,
  trust: ReportTrustInputs,
  options: ReportTrustOptions = {},
): Promise<ReportTrustResults> {
  const { signal, onProgress } = options;
  const explain = options.explain ?? sequentialExplainTasks(model, lime);
  const { frame, forest } = model;
  const name = (f: number) => frame.featureNames[f];
  const seeds = trust.stabilitySeeds;
  const topK = Math.min(trust.topK, lime.numFeatures, frame.featureNames.length);

  const instances = explanations.map((e) => encodeDataRow(model, dataset, e.dataRow));
  const tasks = explanations.flatMap((e, i) =>
    seeds.map((seed) => ({
      instance: instances[i],
      seed,
      numSamples: trust.stabilitySamples,
      ...(e.label !== undefined && { label: e.label }),
    })),
  );
  onProgress?.(0, engineMessage('progress-stability'));
  const runs = await explain(tasks, {
    signal,
    onProgress: (done, total) =>
      onProgress?.(
        (done / total) * STABILITY_SHARE,
        engineMessage('progress-stability-explained', { done, total }),
      ),
  });

  const shap = new TreeShapExplainer(forest);
  const d = shap.nFeatures;
  const quantile = lime.discretizer === 'quartile' || lime.discretizer === 'decile' ? lime.discretizer : null;
  const column = new Float64Array(model.split.train.length);
  const { column: readColumn } = modelTrainColumns(model);
  const cases = explanations.map((e, i): ReportCaseTrust => {
    const batch = runs.slice(i * seeds.length, (i + 1) * seeds.length);
    const shown = new Map(e.weights.map((w) => [w.featureIndex, w.condition]));
    const s = namedStability(batch, seeds, topK, frame.featureNames, shown);
    const output = e.label ?? 0;
    const flat = shap.shapInto(instances[i], new Float64Array(shap.nOutputs * d));
    const phi = Array.from(flat.subarray(output * d, (output + 1) * d));
    const pairs = e.weights.map((w) => [w.featureIndex, w.weight] as const);
    const a = explanationAgreement(pairs, phi, Math.min(topK, pairs.length));
    const collapsed = quantile
      ? e.weights.flatMap((w) => {
          if (frame.featureKinds[w.featureIndex] !== 'numeric') return [];
          readColumn(w.featureIndex, column);
          const c = collapsedBinsOf(column, w.featureIndex, quantile);
          return c
            ? [
                {
                  feature: w.feature,
                  discretizer: quantile,
                  edges: [...c.edges],
                  repeated: [...c.repeated],
                  share: c.shareAtRepeated,
                },
              ]
            : [];
        })
      : [];
    return {
      row: e.row,
      stability: {
        topK,
        jaccard: s.jaccard,
        threshold: STABLE_JACCARD,
        stable: s.stable,
        meanScore: s.meanScore,
        features: s.features,
      },
      agreement: {
        limeTop: a.limeTop.map(name),
        shapTop: a.shapTop.map(name),
        shared: a.shared.map(name),
        signAgreement: a.signAgreement,
        rankCorrelation: a.rankCorrelation,
        signConflicts: a.signConflicts.map(name),
        shap: [...pairs.map(([f]) => f), ...a.shapTop.filter((f) => !pairs.some(([g]) => g === f))].map(
          (f) => ({ feature: name(f), value: phi[f] }),
        ),
        expectedValue: shap.expectedValue[output],
      },
      collapsed,
    };
  });

  throwIfAborted(signal);
  onProgress?.(STABILITY_SHARE, engineMessage('progress-shap'));
  const meanAbs = meanAbsShap(shap, model.xTest, signal);
  const shapImportance = {
    rows: model.xTest.length,
    items: meanAbs
      .map((importance, f) => ({ feature: name(f), importance }))
      .sort((x, y) => y.importance - x.importance || x.feature.localeCompare(y.feature)),
  };

  const positions = pickSample(model.xTest.length, trust.spLimeSample, trust.spLimeSeed);
  const spStart = STABILITY_SHARE + 0.05;
  const cores = await explain(
    positions.map((p) => ({ instance: model.xTest[p], seed: trust.spLimeSeed, numSamples: lime.numSamples })),
    {
      signal,
      onProgress: (done, total) =>
        onProgress?.(
          spStart + (done / total) * (1 - spStart),
          engineMessage('progress-splime-explained', { done, total }),
        ),
    },
  );
  const sp = submodularPick(
    cores.map((c) => ({ weights: c.weights.map((w) => [w.condition, w.weight] as const) })),
    trust.spLimeBudget,
  );
  const columns = sp.importance
    .map((v, j) => [v, j] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, REPORT_SPLIME_COLUMNS)
    .map(([, j]) => j);
  const dataRowOf = (p: number) => frame.rowIndex[model.split.test[p]];
  let total = 0;
  for (const v of sp.importance) total += v;
  return {
    cases,
    shapImportance,
    spLime: {
      explained: positions.length,
      features: columns.map((j) => sp.features[j]),
      importance: columns.map((j) => sp.importance[j]),
      picks: sp.picks.map((i) => {
        const p = positions[i];
        return {
          row: dataRowOf(p) + 1,
          id: caseId(dataset, frame.idColumn, dataRowOf(p)),
          predicted:
            frame.task === 'classification'
              ? frame.classes[model.testPredictions[p]]
              : model.testPredictions[p],
        };
      }),
      matrix: sp.picks.map((i) => columns.map((j) => sp.matrix[i][j])),
      coverage: sp.coverage,
      totalImportance: total,
    },
  };
}
