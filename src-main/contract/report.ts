/**
 * The report's data: plain JSON, built once (worker or CLI) and rendered by one layout for the
 * preview, the HTML file and the PDF. `report.json` is this object; `verify` recomputes
 * `results` from `inputs` and the data file.
 */

export const REPORT_SCHEMA = 'lime-lens-report/1';

export type ReportLanguage = 'en' | 'ko';
export type ReportPaper = 'A4' | 'Letter';
export type ReportSection = 'data' | 'model' | 'cases' | 'limitations' | 'audit';
export const REPORT_SECTIONS: readonly ReportSection[] = ['data', 'model', 'cases', 'limitations', 'audit'];

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
