/** Checks on explanations: stability, collapsed bins, one-feature counterfactuals, SP-LIME, LIME vs SHAP. */
export {
  limeStability,
  summarizeStability,
  namedStability,
  stabilityRun,
  stabilitySeeds,
  jaccard,
  STABLE_JACCARD,
  DEFAULT_STABILITY_TOP_K,
  SAMPLE_SIZE_LADDER,
  type LimeStability,
  type LimeStabilityOptions,
  type FeatureStability,
  type StabilityRun,
  type ConditionedRun,
  type NamedFeatureStability,
} from './limeStability';
export {
  collapsedBins,
  collapsedBinsOf,
  QUANTILES,
  type CollapsedBins,
  type QuantileDiscretizer,
} from './collapsedBins';
export {
  oneFeatureCounterfactual,
  nextUp,
  type OneFeatureCounterfactual,
  type CounterfactualOptions,
} from './counterfactual';
export {
  submodularPick,
  importanceMatrix,
  coverageOf,
  pickSample,
  type SubmodularPick,
  type PickInput,
} from './submodularPick';
export { explanationAgreement, spearman, averageRanks, type ExplanationAgreement } from './agreement';
