export { renderReportHtml, pdfInfoOf } from '../../src-renderer/src/report/renderReportHtml';
