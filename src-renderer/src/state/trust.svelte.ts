/**
 * State of the trust tools: the insight into the explained case (SHAP, bins, counterfactuals,
 * what-if fields), LIME stability, what-if edits with a live prediction, the model's SHAP summary
 * and SP-LIME. Long work runs as app jobs (progress, cancel); the rest as quiet queries.
 */
import type {
  CaseEdit,
  CaseInsightDTO,
  ExplanationDTO,
  LimeLensApi,
  LimeSettingsDTO,
  PredictionDTO,
  ShapSummaryDTO,
  SpLimeDTO,
  StabilityDTO,
} from '../contract';
import { newJobId } from '../lib/jobId';
import { app } from './app.svelte';

/** Runs per stability check, and the neighbourhood sizes of "how many samples are enough". */
export const STABILITY_RUNS = 10;
export const SAMPLE_LADDER: readonly number[] = [1000, 2000, 5000, 10000];
/** Milliseconds a what-if edit waits for the next one before asking for a prediction. */
const PREDICT_DEBOUNCE_MS = 120;

function limeSettingsOf(e: ExplanationDTO): LimeSettingsDTO {
  const { numFeatures, numSamples, discretizer, seed } = e.settings;
  // The kernel width shown is resolved; null keeps the explainer the case was explained with.
  return { numFeatures, numSamples, kernelWidth: e.settings.kernelWidth, discretizer, seed };
}

class TrustState {
  /** The explained case's insight (unedited), and for which explanation it was made. */
  insight = $state.raw<CaseInsightDTO | null>(null);
  private insightKey = '';
  stability = $state.raw<StabilityDTO | null>(null);
  ladder = $state.raw<StabilityDTO | null>(null);
  /** min–max whiskers, or ±1 SD. */
  errorBars = $state<'range' | 'sd'>('range');

  /** What-if values by feature (numbers or category names); empty = the case as in the file. */
  edits = $state<Record<string, number | string>>({});
  whatIfPrediction = $state.raw<PredictionDTO | null>(null);
  /** LIME and SHAP of the edited case, after "Explain edited case". */
  editedInsight = $state.raw<CaseInsightDTO | null>(null);
  private predictTimer: ReturnType<typeof setTimeout> | undefined;
  private predictSeq = 0;

  shapSummary = $state.raw<ShapSummaryDTO | null>(null);
  spLime = $state.raw<SpLimeDTO | null>(null);

  /** Loads the insight for an explanation once (called when the Explain view shows one). */
  async loadInsight(e: ExplanationDTO): Promise<void> {
    const key = `${e.modelId}|${e.row}|${e.label ?? ''}|${JSON.stringify(e.settings)}`;
    if (key === this.insightKey) return;
    this.insightKey = key;
    this.insight = null;
    this.stability = null;
    this.ladder = null;
    this.resetWhatIf();
    const request = {
      modelId: e.modelId,
      row: e.row,
      settings: limeSettingsOf(e),
      ...(e.label !== undefined && { label: e.label }),
    };
    const result = await app.query((api) => api.explainCase(newJobId(), request));
    if (result && key === this.insightKey) this.insight = result;
  }

  async checkStability(e: ExplanationDTO, sampleSizes: readonly number[]): Promise<void> {
    const request = {
      modelId: e.modelId,
      row: e.row,
      settings: limeSettingsOf(e),
      runs: STABILITY_RUNS,
      sampleSizes,
      ...(e.label !== undefined && { label: e.label }),
    };
    const key = this.insightKey;
    const result = await app.runJob('trust', (jobId) => bridge().stability(jobId, request));
    if (!result || key !== this.insightKey) return;
    if (sampleSizes.length === 1) this.stability = result;
    else this.ladder = result;
  }

  /** Regression: the counterfactuals again for a chosen amount the prediction must move by. */
  async recomputeCounterfactuals(e: ExplanationDTO, shift: number): Promise<void> {
    const key = this.insightKey;
    const request = {
      modelId: e.modelId,
      row: e.row,
      settings: limeSettingsOf(e),
      counterfactualShift: shift,
      ...(e.label !== undefined && { label: e.label }),
    };
    const result = await app.runJob('explain', (jobId) => bridge().explainCase(jobId, request));
    if (result && key === this.insightKey && this.insight) {
      this.insight = {
        ...this.insight,
        counterfactuals: result.counterfactuals,
        ...(result.counterfactualShift !== undefined && { counterfactualShift: result.counterfactualShift }),
      };
    }
  }

  // ------------------------------------------------------------ what-if

  get editList(): CaseEdit[] {
    return Object.entries(this.edits).map(([feature, value]) => ({ feature, value }));
  }

  setEdit(feature: string, value: number | string, original: number | string): void {
    const next = { ...this.edits };
    if (value === original) delete next[feature];
    else next[feature] = value;
    this.edits = next;
    this.editedInsight = null;
    this.schedulePrediction();
  }

  resetWhatIf(): void {
    this.edits = {};
    this.whatIfPrediction = null;
    this.editedInsight = null;
    clearTimeout(this.predictTimer);
  }

  private schedulePrediction(): void {
    clearTimeout(this.predictTimer);
    const insight = this.insight;
    if (!insight) return;
    this.predictTimer = setTimeout(() => void this.predict(insight), PREDICT_DEBOUNCE_MS);
  }

  private async predict(insight: CaseInsightDTO): Promise<void> {
    const seq = ++this.predictSeq;
    const edits = this.editList;
    if (edits.length === 0) {
      this.whatIfPrediction = null;
      return;
    }
    const result = await app.query((api) =>
      api.predictCase({ modelId: insight.modelId, row: insight.row, edits }),
    );
    if (seq === this.predictSeq && result) this.whatIfPrediction = result;
  }

  async explainEdited(e: ExplanationDTO): Promise<void> {
    const edits = this.editList;
    if (edits.length === 0) return;
    const request = {
      modelId: e.modelId,
      row: e.row,
      settings: limeSettingsOf(e),
      edits,
      ...(e.label !== undefined && { label: e.label }),
    };
    const result = await app.runJob('explain', (jobId) => bridge().explainCase(jobId, request));
    if (result) {
      this.editedInsight = result;
      this.whatIfPrediction = result.prediction;
    }
  }

  // ------------------------------------------------------------ model-wide

  async loadShapSummary(modelId: string): Promise<void> {
    if (this.shapSummary?.modelId === modelId) return;
    this.shapSummary = null;
    const result = await app.runJob('trust', (jobId) => bridge().shapSummary(jobId, modelId));
    if (result && app.train?.modelId === modelId) this.shapSummary = result;
  }

  async runSpLime(
    modelId: string,
    settings: LimeSettingsDTO,
    sampleSize: number,
    budget: number,
  ): Promise<void> {
    const request = { modelId, settings, sampleSize, budget };
    const result = await app.runJob('trust', (jobId) => bridge().spLime(jobId, request));
    if (result && app.train?.modelId === modelId) this.spLime = result;
  }
}

/** The bridge; trust actions run only from views shown after a model was trained through it. */
function bridge(): LimeLensApi {
  return window.limeLens;
}

export const trust = new TrustState();
