/**
 * The report's data: plain JSON, built once (worker or CLI) and rendered by one layout for the
 * preview, the HTML file and the PDF. `report.json` is this object; `verify` recomputes
 * `results` from `inputs` and the data file.
 */

export const REPORT_SCHEMA = 'lime-lens-report/1';

export type ReportLanguage = 'en' | 'ko';
export type ReportPaper = 'A4' | 'Letter';
export type ReportSection = 'data' | 'model' | 'cases' | 'trust' | 'limitations' | 'audit';
export const REPORT_SECTIONS: readonly ReportSection[] = [
  'data',
  'model',
  'cases',
  'trust',
  'limitations',
  'audit',
];

/** How the report looks; changing these never changes a number. */
export interface ReportPresentation {
  readonly title: string;
  readonly author: string;
  readonly language: ReportLanguage;
  readonly paper: ReportPaper;
  readonly sections: readonly ReportSection[];
}

export interface ReportTrainSettings {
  readonly target: string;
  readonly task: 'classification' | 'regression';
  readonly features: readonly string[];
  readonly nEstimators: number;
  readonly maxDepth: number | null;
  readonly maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  readonly minSamplesLeaf: number;
  readonly testFraction: number;
  readonly seed: number;
  readonly kFolds: number;
}

export interface ReportLimeSettings {
  readonly numFeatures: number;
  readonly numSamples: number;
  readonly kernelWidth: number | null;
  readonly discretizer: 'quartile' | 'decile' | 'entropy' | null;
  readonly seed: number;
}

/** Everything needed to recompute the results from the data file. */
export interface ReportInputs {
  readonly file: {
    readonly name: string;
    readonly bytes: number;
    readonly sha256: string;
    readonly sheet?: string;
  };
  readonly train: ReportTrainSettings;
  readonly lime: ReportLimeSettings;
  /** 1-based data rows explained, in report order. */
  readonly rows: readonly number[];
  /** Seeds and sizes of the trust figures (absent in reports made before they existed). */
  readonly trust?: ReportTrustInputs;
}

export interface ReportCase {
  /** 1-based data row (header excluded). */
  readonly row: number;
  /** The value of the identifier column, when the data has one. */
  readonly id: string | null;
  readonly actual: string | number | null;
  /** Class label or predicted value. */
  readonly predicted: string | number;
  /** Classification: the class the weights explain. */
  readonly explainedClass?: string;
  /** Classification: the model's probability per class, in class order. */
  readonly probabilities?: readonly number[];
  /** Regression: the training target's range. */
  readonly targetRange?: readonly [number, number];
  /** Sorted by |weight|, largest first. */
  readonly weights: readonly {
    readonly feature: string;
    readonly condition: string;
    readonly value: string | number | null;
    readonly weight: number;
  }[];
  readonly intercept: number;
  /** Weighted R² of the surrogate. */
  readonly score: number;
  readonly localPred: number;
  readonly modelPred: number;
  readonly kernelWidth: number;
}

export interface ReportImportance {
  readonly feature: string;
  readonly importance: number;
  readonly std?: number;
}

export type ReportMetrics =
  | {
      readonly task: 'classification';
      readonly accuracy: number;
      readonly balancedAccuracy: number;
      readonly rocAuc: number;
      readonly f1: number;
      readonly perClass: readonly {
        readonly label: string;
        readonly precision: number;
        readonly recall: number;
        readonly f1: number;
        readonly support: number;
      }[];
      readonly confusion: readonly (readonly number[])[];
      readonly roc: readonly {
        readonly label: string;
        readonly fpr: readonly number[];
        readonly tpr: readonly number[];
        readonly auc: number;
      }[];
    }
  | {
      readonly task: 'regression';
      readonly r2: number;
      readonly mae: number;
      readonly rmse: number;
      readonly actual: readonly number[];
      readonly predicted: readonly number[];
    };

/** What the numbers are: recomputable from `inputs` and the file. */
export interface ReportResults {
  readonly data: {
    readonly rows: number;
    readonly columns: number;
    /** Rows the model used (rows with a missing target dropped). */
    readonly rowsUsed: number;
    readonly identifierColumn: string | null;
    readonly missing: readonly { readonly column: string; readonly count: number }[];
    /** Classification: cases per class over the rows used. */
    readonly classBalance?: readonly { readonly label: string; readonly count: number }[];
    readonly targetRange?: readonly [number, number];
    readonly preprocessing: readonly string[];
  };
  readonly classes: readonly string[];
  readonly split: { readonly train: number; readonly test: number };
  readonly metrics: ReportMetrics;
  readonly crossValidation?: {
    readonly k: number;
    readonly metric: 'accuracy' | 'r2';
    readonly scores: readonly number[];
    readonly mean: number;
    readonly std: number;
  };
  readonly impurityImportance: readonly ReportImportance[];
  readonly permutationImportance: readonly ReportImportance[];
  readonly cases: readonly ReportCase[];
  /** Stability, LIME vs SHAP, SHAP importance and SP-LIME, when `inputs.trust` asked for them. */
  readonly trust?: ReportTrustResults;
}

export interface ReportModel {
  readonly schema: typeof REPORT_SCHEMA;
  readonly generator: { readonly name: 'Lime Lens'; readonly version: string };
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  /** e.g. `linux x64`. */
  readonly platform: string;
  readonly presentation: ReportPresentation;
  readonly inputs: ReportInputs;
  readonly results: ReportResults;
}

/** The PDF's document information (what `pdfinfo` shows). */
export interface PdfInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly creator: string;
  readonly producer: string;
  readonly keywords?: string;
  /** The creation time written as /CreationDate and /ModDate. */
  readonly created: Date;
}

/** The Report view asks main for a report of these cases (1-based rows) of a trained model. */
export interface ReportRequest {
  readonly modelId: string;
  /** 1-based data rows, in report order; at most MAX_REPORT_CASES. */
  readonly rows: readonly number[];
  readonly lime: ReportLimeSettings;
  readonly presentation: ReportPresentation;
}

/** A report main built and keeps, so saving it never recomputes and never trusts numbers sent back. */
export interface BuiltReportDTO {
  readonly reportId: string;
  readonly report: ReportModel;
}

export type ReportFormat = 'pdf' | 'html' | 'json';

export interface SaveReportRequest {
  readonly reportId: string;
  /** Title, author, language, paper and sections as the user set them last (they change no number). */
  readonly presentation: ReportPresentation;
  readonly format: ReportFormat;
}

export const MAX_REPORT_CASES = 500;
export const MAX_REPORT_TITLE = 200;

/** How the report's trust figures are made: every seed and sample count, so they reproduce. */
export interface ReportTrustInputs {
  /** One LIME run per seed for each case's stability. */
  readonly stabilitySeeds: readonly number[];
  /** Neighbourhood size of each stability run. */
  readonly stabilitySamples: number;
  /** Leading features compared (stability top-K share and Jaccard, LIME vs SHAP). */
  readonly topK: number;
  /** Seed of the SP-LIME sample of test rows (and of its explanations). */
  readonly spLimeSeed: number;
  /** Test rows explained for SP-LIME (all when the test split is smaller). */
  readonly spLimeSample: number;
  /** Explanations SP-LIME picks. */
  readonly spLimeBudget: number;
}

export interface ReportFeatureStability {
  readonly feature: string;
  /** The case's condition for that feature (the same in every run). */
  readonly condition: string;
  /** Mean, population SD, min and max of the weight over the runs (a run without it counts 0). */
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Fraction of runs (0–1) with the feature in the top K. */
  readonly topKFrequency: number;
  readonly selectedFrequency: number;
}

export interface ReportCaseTrust {
  /** The case's 1-based data row (cases are in report order). */
  readonly row: number;
  readonly stability: {
    /** Leading features compared between runs. */
    readonly topK: number;
    /** Mean pairwise Jaccard overlap of the runs' top-K feature sets. */
    readonly jaccard: number;
    /** Stable means jaccard ≥ threshold. */
    readonly threshold: number;
    readonly stable: boolean;
    readonly meanScore: number;
    /** By |mean weight|, largest first. */
    readonly features: readonly ReportFeatureStability[];
  };
  readonly agreement: {
    readonly limeTop: readonly string[];
    readonly shapTop: readonly string[];
    readonly shared: readonly string[];
    /** Fraction (0–1) of LIME's features whose SHAP value has the same sign. */
    readonly signAgreement: number;
    /** Spearman's ρ of |LIME weight| and |SHAP| over LIME's features; null when undefined. */
    readonly rankCorrelation: number | null;
    readonly signConflicts: readonly string[];
    /** SHAP values (same class / output) of LIME's features in LIME's order, then SHAP's top-K ones LIME left out. */
    readonly shap: readonly { readonly feature: string; readonly value: number }[];
    readonly expectedValue: number;
  };
  /** Features in the explanation whose quantile bins collapse (quartile/decile discretizer). */
  readonly collapsed: readonly {
    readonly feature: string;
    readonly discretizer: 'quartile' | 'decile';
    /** The quantile edges before de-duplication. */
    readonly edges: readonly number[];
    readonly repeated: readonly number[];
    /** Fraction of training rows equal to the most repeated edge. */
    readonly share: number;
  }[];
}

export interface ReportTrustResults {
  /** One per case, in case order. */
  readonly cases: readonly ReportCaseTrust[];
  /** Mean |SHAP| per feature over the test split (classification: averaged over the classes). */
  readonly shapImportance: { readonly rows: number; readonly items: readonly ReportImportance[] };
  readonly spLime: {
    /** Test rows explained. */
    readonly explained: number;
    /** The matrix's columns: the most important conditions, most important first. */
    readonly features: readonly string[];
    /** √Σ|W| of each shown column. */
    readonly importance: readonly number[];
    readonly picks: readonly {
      readonly row: number;
      readonly id: string | null;
      readonly predicted: string | number;
    }[];
    /** picks × shown columns, LIME weights (0: not in that explanation). */
    readonly matrix: readonly (readonly number[])[];
    /** Σ importance of the conditions the picks cover, and of all conditions. */
    readonly coverage: number;
    readonly totalImportance: number;
  };
}

/** The Report view's and the CLI's defaults: 10 seeded runs per case, SP-LIME picks 5 of ≤ 200 test rows. */
export const REPORT_STABILITY_RUNS = 10;
export const REPORT_SPLIME_SAMPLE = 200;
export const REPORT_SPLIME_BUDGET = 5;
/** Columns of the printed SP-LIME matrix (readable on a page). */
export const REPORT_SPLIME_COLUMNS = 12;
