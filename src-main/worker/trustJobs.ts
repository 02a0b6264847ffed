/**
 * The worker's trust jobs: LIME stability over seeds and sample sizes, one case's SHAP values,
 * bins, counterfactuals and what-if edits, the model's SHAP summary, and SP-LIME. The many
 * explanations of stability and SP-LIME run on the model's explain pool.
 */
import type {
  BinViewDTO,
  CaseEdit,
  CaseInsightDTO,
  CaseRequest,
  CollapsedBinsDTO,
  PredictRequest,
  PredictionDTO,
  ShapSummaryDTO,
  SpLimeDTO,
  SpLimeRequest,
  StabilityDTO,
  StabilityRequest,
} from '../contract/ipc';
import {
  DEFAULT_STABILITY_TOP_K,
  RandomForestClassifier,
  STABLE_JACCARD,
  TreeShapExplainer,
  UserFacingError,
  collapsedBins,
  collapsedBinsOf,
  encodeDataRow,
  explainEncodedRow,
  explainerFor,
  explanationAgreement,
  histogram,
  oneFeatureCounterfactual,
  pickSample,
  stabilitySeeds,
  submodularPick,
  namedStability,
  throwIfAborted,
  treeShap,
  withRowContext,
  type CollapsedBins,
  type TrainedModel,
  modelTrainColumns,
} from '../engine';
import { engineMessage } from '../engine/errors';
import { explanationDTO } from './dto';
import { poolFor } from './modelPool';
import type { JobContext } from './runner';
import type { Session } from './session';

/** Bins of the small training-distribution chart beside a condition. */
const BIN_CHART_BINS = 30;
/** Counterfactuals are searched for this many of the explanation's leading features. */
const COUNTERFACTUAL_FEATURES = 5;
/** The SHAP summary sends per-row values for at most this many test rows (the mean uses all). */
const SHAP_SUMMARY_MAX_ROWS = 2000;

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The class to explain: the one asked for, or the predicted one; undefined for regression. */
function labelFor(
  trained: TrainedModel,
  instance: readonly number[],
  label: number | undefined,
): number | undefined {
  const { forest, frame } = trained;
  if (!(forest instanceof RandomForestClassifier)) return undefined;
  if (label === undefined) return argmax(forest.predictProba([[...instance]])[0]);
  if (label >= frame.classes.length)
    throw new UserFacingError(`Class ${label} does not exist; the classes are ${frame.classes.join(', ')}.`);
  return label;
}

/** The encoded case with what-if edits applied; a value that does not fit its feature is a user error. */
export function applyEdits(
  trained: TrainedModel,
  instance: readonly number[],
  edits: readonly CaseEdit[],
): number[] {
  const { frame } = trained;
  const row = [...instance];
  for (const { feature, value } of edits) {
    const f = frame.featureNames.indexOf(feature);
    if (f < 0) throw new UserFacingError(`The model has no feature "${feature}".`, { column: feature });
    if (frame.featureKinds[f] === 'numeric') {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new UserFacingError(`"${feature}" needs a number; got "${String(value)}".`, {
          column: feature,
        });
      row[f] = value;
    } else {
      const code = frame.categoryNames[f]?.indexOf(String(value)) ?? -1;
      if (code < 0)
        throw new UserFacingError(
          `"${String(value)}" is not a category of "${feature}" seen in training (${(frame.categoryNames[f] ?? []).join(', ')}).`,
          { column: feature },
        );
      row[f] = code;
    }
  }
  return row;
}

export function predictionOf(trained: TrainedModel, row: readonly number[]): PredictionDTO {
  const { forest } = trained;
  if (forest instanceof RandomForestClassifier) {
    const probabilities = forest.predictProba([[...row]])[0];
    return { probabilities, predictedClass: argmax(probabilities) };
  }
  return { predictedValue: forest.predict([[...row]])[0] };
}

function trainingColumn(trained: TrainedModel, f: number): Float64Array {
  const column = new Float64Array(trained.split.train.length);
  modelTrainColumns(trained).column(f, column);
  return column;
}

function rangeOf(column: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of column) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function collapsedDTO(
  trained: TrainedModel,
  c: CollapsedBins,
  discretizer: 'quartile' | 'decile',
): CollapsedBinsDTO {
  return {
    feature: trained.frame.featureNames[c.feature],
    discretizer,
    percentiles: c.percentiles,
    edges: c.edges,
    repeated: c.repeated,
    share: c.shareAtRepeated,
  };
}

export async function stabilityJob(
  session: Session,
  req: StabilityRequest,
  ctx: JobContext,
): Promise<StabilityDTO> {
  const started = performance.now();
  const model = session.model(req.modelId);
  const { dataset } = session.dataset(model.datasetId);
  const { trained } = model;
  const instance = encodeDataRow(trained, dataset, req.row - 1);
  const label = labelFor(trained, instance, req.label);
  const seeds = stabilitySeeds(req.settings.seed, req.runs);
  const tasks = req.sampleSizes.flatMap((numSamples) =>
    seeds.map((seed) => ({ instance, seed, numSamples, ...(label !== undefined && { label }) })),
  );
  ctx.progress(0, engineMessage('progress-stability'));
  const cores = await poolFor(model, req.settings).explain(tasks, {
    signal: ctx.signal,
    onProgress: (done, total) =>
      ctx.progress(done / total, engineMessage('progress-explained', { done, total })),
  });
  const topK = Math.min(DEFAULT_STABILITY_TOP_K, req.settings.numFeatures, trained.frame.featureNames.length);
  const results = req.sampleSizes.map((numSamples, k) => {
    const batch = cores.slice(k * seeds.length, (k + 1) * seeds.length);
    const s = namedStability(batch, seeds, topK, trained.frame.featureNames);
    return {
      numSamples,
      features: s.features,
      jaccard: s.jaccard,
      meanScore: s.meanScore,
      stable: s.stable,
    };
  });
  return {
    modelId: req.modelId,
    row: req.row,
    task: trained.frame.task,
    classes: trained.frame.classes,
    ...(label !== undefined && { label }),
    seeds,
    topK,
    threshold: STABLE_JACCARD,
    results,
    millis: performance.now() - started,
  };
}

export function predictJob(session: Session, req: PredictRequest): PredictionDTO {
  const model = session.model(req.modelId);
  const { dataset } = session.dataset(model.datasetId);
  const instance = applyEdits(
    model.trained,
    encodeDataRow(model.trained, dataset, req.row - 1),
    req.edits ?? [],
  );
  return predictionOf(model.trained, instance);
}

export async function caseInsightJob(
  session: Session,
  req: CaseRequest,
  ctx: JobContext,
): Promise<CaseInsightDTO> {
  const started = performance.now();
  const model = session.model(req.modelId);
  const { dataset } = session.dataset(model.datasetId);
  const { trained } = model;
  const { frame, forest } = trained;
  const edits = req.edits ?? [];
  const base = encodeDataRow(trained, dataset, req.row - 1);
  const instance = applyEdits(trained, base, edits);
  const { settings } = req;
  ctx.progress(0, engineMessage('progress-explaining'));
  const explainer = explainerFor(trained, settings);
  const core = await explainEncodedRow(explainer, forest, frame, instance, settings, {
    ...(req.label !== undefined && { label: req.label }),
    signal: ctx.signal,
    // The helper thread holds the same forest and predicts any row, edited or not.
    ...(model.predictor && { predictor: model.predictor }),
  });
  const rowExp = withRowContext(trained, dataset, req.row - 1, settings, core, performance.now() - started);
  const edited = new Map(edits.map((e) => [e.feature, e.value]));
  const explanation = explanationDTO(req.modelId, trained, {
    ...rowExp,
    weights: rowExp.weights.map((w) => (edited.has(w.feature) ? { ...w, value: edited.get(w.feature)! } : w)),
  });
  throwIfAborted(ctx.signal);

  const output = core.label ?? 0;
  const shap = treeShap(forest, instance);
  const shapValues = shap.shapValues[output];
  const limePairs = core.weights.map((w) => [w.featureIndex, w.weight] as const);
  const a = explanationAgreement(limePairs, shapValues, Math.min(3, limePairs.length));
  const name = (f: number) => frame.featureNames[f];

  const discretizer = settings.discretizer;
  const quantile = discretizer === 'quartile' || discretizer === 'decile' ? discretizer : null;
  const continuous = frame.featureKinds.flatMap((k, f) => (k === 'numeric' ? [f] : []));
  const boundaries = explainer.discretizer?.boundaries ?? {};
  const bins: BinViewDTO[] = core.weights
    .filter((w) => boundaries[w.featureIndex] !== undefined)
    .map((w) => {
      const column = trainingColumn(trained, w.featureIndex);
      const collapsed = quantile ? collapsedBinsOf(column, w.featureIndex, quantile) : null;
      return {
        feature: name(w.featureIndex),
        condition: w.condition,
        boundaries: Array.from(boundaries[w.featureIndex]),
        histogram: histogram(column, BIN_CHART_BINS),
        value: instance[w.featureIndex],
        collapsed: collapsed && quantile ? collapsedDTO(trained, collapsed, quantile) : null,
      };
    });
  const collapsed = quantile
    ? collapsedBins(modelTrainColumns(trained), continuous, quantile).map((c) =>
        collapsedDTO(trained, c, quantile),
      )
    : [];

  const classification = forest instanceof RandomForestClassifier;
  const [yLo, yHi] = classification ? [0, 0] : rangeOf(Float64Array.from(trained.yTrain));
  const shift = classification ? undefined : (req.counterfactualShift ?? (yHi - yLo) / 10);
  const counterfactuals = core.weights.slice(0, COUNTERFACTUAL_FEATURES).map((w) => {
    const f = w.featureIndex;
    const categorical = frame.featureKinds[f] === 'categorical';
    const cf = oneFeatureCounterfactual(forest, instance, f, {
      range: rangeOf(trainingColumn(trained, f)),
      ...(categorical && { categories: (frame.categoryNames[f] ?? []).map((_, code) => code) }),
      ...(shift !== undefined && { minShift: shift }),
    });
    return {
      feature: name(f),
      value:
        cf.value === null ? null : categorical ? (frame.categoryNames[f]?.[cf.value] ?? cf.value) : cf.value,
      change: categorical ? null : cf.change,
      predicted:
        cf.outputs === null ? null : classification ? frame.classes[cf.predictedClass ?? 0] : cf.outputs[0],
    };
  });

  const fields = frame.featureNames.map((feature, f) => {
    if (frame.featureKinds[f] === 'categorical') {
      const categories = frame.categoryNames[f] ?? [];
      return {
        feature,
        kind: 'categorical' as const,
        original: categories[base[f]] ?? String(base[f]),
        categories,
      };
    }
    const [min, max] = rangeOf(trainingColumn(trained, f));
    return { feature, kind: 'numeric' as const, original: base[f], min, max };
  });

  return {
    modelId: req.modelId,
    row: req.row,
    edited: edits.length > 0,
    edits,
    explanation,
    prediction: predictionOf(trained, instance),
    shap: { features: frame.featureNames, expectedValue: shap.expectedValue[output], values: shapValues },
    agreement: {
      topK: a.topK,
      limeTop: a.limeTop.map(name),
      shapTop: a.shapTop.map(name),
      shared: a.shared.map(name),
      signAgreement: a.signAgreement,
      rankCorrelation: a.rankCorrelation,
      signConflicts: a.signConflicts.map(name),
    },
    bins,
    collapsed,
    counterfactuals,
    ...(shift !== undefined && { counterfactualShift: shift }),
    fields,
  };
}

export function shapSummaryJob(session: Session, modelId: string, ctx: JobContext): ShapSummaryDTO {
  const started = performance.now();
  const { trained } = session.model(modelId);
  const { frame, split } = trained;
  const explainer = new TreeShapExplainer(trained.forest);
  const nOut = explainer.nOutputs;
  const d = explainer.nFeatures;
  const n = trained.xTest.length;
  const kept = Math.min(n, SHAP_SUMMARY_MAX_ROWS);
  const sums = Array.from({ length: nOut }, () => new Float64Array(d));
  const values = Array.from({ length: nOut }, () => new Array<number[]>(kept));
  const buffer = new Float64Array(nOut * d);
  for (let i = 0; i < n; i++) {
    if (i % 16 === 0) {
      throwIfAborted(ctx.signal);
      ctx.progress(i / n, engineMessage('progress-shap'));
    }
    explainer.shapInto(trained.xTest[i], buffer);
    for (let c = 0; c < nOut; c++) {
      const part = buffer.subarray(c * d, (c + 1) * d);
      for (let f = 0; f < d; f++) sums[c][f] += Math.abs(part[f]);
      if (i < kept) values[c][i] = Array.from(part);
    }
  }
  return {
    modelId,
    features: frame.featureNames,
    task: frame.task,
    classes: frame.classes,
    rows: Array.from(split.test.subarray(0, kept), (r) => frame.rowIndex[r] + 1),
    meanAbs: sums.map((s) => Array.from(s, (v) => v / Math.max(1, n))),
    values,
    featureValues: trained.xTest.slice(0, kept),
    expectedValue: Array.from(explainer.expectedValue),
    millis: performance.now() - started,
  };
}

export async function spLimeJob(session: Session, req: SpLimeRequest, ctx: JobContext): Promise<SpLimeDTO> {
  const started = performance.now();
  const model = session.model(req.modelId);
  const { trained } = model;
  const { frame, split } = trained;
  const positions = pickSample(trained.xTest.length, req.sampleSize, req.settings.seed);
  ctx.progress(0, engineMessage('progress-explaining'));
  const cores = await poolFor(model, req.settings).explain(
    positions.map((p) => ({ instance: trained.xTest[p] })),
    {
      signal: ctx.signal,
      onProgress: (done, total) =>
        ctx.progress(done / total, engineMessage('progress-explained', { done, total })),
    },
  );
  const sp = submodularPick(
    cores.map((c) => ({ weights: c.weights.map((w) => [w.condition, w.weight] as const) })),
    req.budget,
  );
  const predicted = positions.map((p) =>
    frame.task === 'classification' ? frame.classes[trained.testPredictions[p]] : trained.testPredictions[p],
  );
  return {
    modelId: req.modelId,
    rows: positions.map((p) => frame.rowIndex[split.test[p]] + 1),
    predicted,
    features: sp.features,
    matrix: sp.matrix,
    importance: sp.importance,
    picks: sp.picks,
    coverage: sp.coverage,
    totalImportance: sp.importance.reduce((a, b) => a + b, 0),
    millis: performance.now() - started,
  };
}
