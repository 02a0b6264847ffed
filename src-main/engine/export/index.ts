/** Pure writers of the data exports: text in, text out; main and the CLI write the files. */
export { csvCell, csvDocument, neutraliseFormula, CSV_BOM, type CsvValue } from './csv';
export type { ExplainedCase } from './types';
export { explanationsCsv } from './explanationsCsv';
export { explanationsJson, EXPLANATIONS_JSON_FORMAT, EXPLANATIONS_JSON_VERSION } from './explanationsJson';
export { metricsCsv } from './metricsCsv';
export { importancesCsv } from './importancesCsv';
