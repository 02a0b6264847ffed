export {
  identifierColumn,
  dataRowsOf,
  misclassifiedRows,
  testRows,
  reportInputs,
  reportResults,
  reportTrainSettings,
  reportLimeSettings,
} from './reportResults';
export { computeReportResults, explainRows, trainSettingsOf, limeSettingsOf } from './computeReport';
export { compareResults, sameNumber, type ResultComparison, type ResultDifference } from './compareResults';
export { parseReportJson } from './parseReportJson';
export { withPdfInfo, pdfTextString, pdfDate, type PdfInfo } from './pdfInfo';
export { footerTemplate } from './pdfFooter';
export {
  reportTrust,
  reportTrustInputs,
  sequentialExplainTasks,
  meanAbsShap,
  type ExplainTasks,
  type TrustTask,
  type ReportTrustOptions,
} from './reportTrust';
