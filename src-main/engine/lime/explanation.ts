/** 'classification': the model returns class probabilities; 'regression': one value per row. */
export type LimeMode = 'classification' | 'regression';

/** Plain-data form of an {@link Explanation} (survives structuredClone and JSON). */
export interface ExplanationJSON {
  readonly mode: LimeMode;
  /** Classification: one name per model output; regression: ['negative', 'positive'] as the reference. */
  readonly classNames: readonly string[];
  /** Per feature: its name, or `name=value` for a categorical feature. */
  readonly featureNames: readonly string[];
  /** Per feature: the instance's value as '%.2f', or 'True' for a categorical feature. */
  readonly featureValues: readonly string[];
  /** Per feature: the condition shown in asList (bin names for discretized features); null without a discretizer. */
  readonly discretizedFeatureNames: readonly string[] | null;
  /** Label → [feature index, weight] sorted by |weight| descending. */
  readonly localExp: Readonly<Record<number, readonly (readonly [number, number])[]>>;
  readonly intercept: Readonly<Record<number, number>>;
  readonly score: Readonly<Record<number, number>>;
  readonly localPred: Readonly<Record<number, number>>;
  /** Classification: the model's probabilities for the instance, in class order. */
  readonly predictProba: readonly number[] | null;
  /** Classification with topLabels: the explained labels, most probable first. */
  readonly topLabels: readonly number[] | null;
  /** Regression: the model's prediction and the range of predictions over the samples. */
  readonly predictedValue: number | null;
  readonly minValue: number | null;
  readonly maxValue: number | null;
}

/**
 * The result of {@link LimeTabularExplainer.explainInstance}, shaped like the
 * reference `lime.explanation.Explanation` (asList, asMap, intercept, score,
 * localPred, predictProba). Regression explanations, as in the reference, store the
 * surrogate under label 0 with the weights' signs flipped and under label 1 as
 * fitted; asList always reads label 1 in regression.
 */
export class Explanation {
  readonly mode: LimeMode;
  readonly classNames: readonly string[];
  readonly featureNames: readonly string[];
  readonly featureValues: readonly string[];
  readonly discretizedFeatureNames: readonly string[] | null;
  readonly localExp: Record<number, [number, number][]>;
  readonly intercept: Record<number, number>;
  readonly score: Record<number, number>;
  readonly localPred: Record<number, number>;
  readonly predictProba: number[] | null;
  readonly topLabels: number[] | null;
  readonly predictedValue: number | null;
  readonly minValue: number | null;
  readonly maxValue: number | null;

  constructor(json: ExplanationJSON) {
    this.mode = json.mode;
    this.classNames = [...json.classNames];
    this.featureNames = [...json.featureNames];
    this.featureValues = [...json.featureValues];
    this.discretizedFeatureNames = json.discretizedFeatureNames ? [...json.discretizedFeatureNames] : null;
    this.localExp = {};
    for (const [label, exp] of Object.entries(json.localExp)) {
      this.localExp[Number(label)] = exp.map(([f, w]): [number, number] => [f, w]);
    }
    this.intercept = { ...json.intercept };
    this.score = { ...json.score };
    this.localPred = { ...json.localPred };
    this.predictProba = json.predictProba ? [...json.predictProba] : null;
    this.topLabels = json.topLabels ? [...json.topLabels] : null;
    this.predictedValue = json.predictedValue;
    this.minValue = json.minValue;
    this.maxValue = json.maxValue;
  }

  static fromJSON(json: ExplanationJSON): Explanation {
    return new Explanation(json);
  }

  /** The condition string shown for a feature (bin, `name=value`, or the name). */
  conditionName(feature: number): string {
    return (this.discretizedFeatureNames ?? this.featureNames)[feature];
  }

  /**
   * [condition, weight] pairs sorted by |weight| descending.
   * @param label class index (ignored in regression, which reads label 1)
   */
  asList(label = 1): [string, number][] {
    const use = this.mode === 'classification' ? label : 1;
    const exp = this.localExp[use];
    if (!exp)
      throw new RangeError(
        `label ${label} was not explained; explained labels: ${this.availableLabels().join(', ')}`,
      );
    return exp.map(([f, w]): [string, number] => [this.conditionName(f), w]);
  }

  /** Label → [feature index, weight] sorted by |weight| descending. */
  asMap(): Record<number, [number, number][]> {
    return this.localExp;
  }

  /** The explained labels (topLabels order when topLabels was used). */
  availableLabels(): number[] {
    return this.topLabels ? [...this.topLabels] : Object.keys(this.localExp).map(Number);
  }

  toJSON(): ExplanationJSON {
    const localExp: Record<number, [number, number][]> = {};
    for (const [label, exp] of Object.entries(this.localExp)) {
      localExp[Number(label)] = exp.map(([f, w]): [number, number] => [f, w]);
    }
    return {
      mode: this.mode,
      classNames: [...this.classNames],
      featureNames: [...this.featureNames],
      featureValues: [...this.featureValues],
      discretizedFeatureNames: this.discretizedFeatureNames ? [...this.discretizedFeatureNames] : null,
      localExp,
      intercept: { ...this.intercept },
      score: { ...this.score },
      localPred: { ...this.localPred },
      predictProba: this.predictProba ? [...this.predictProba] : null,
      topLabels: this.topLabels ? [...this.topLabels] : null,
      predictedValue: this.predictedValue,
      minValue: this.minValue,
      maxValue: this.maxValue,
    };
  }
}
