/**
 * The report's stylesheet, scoped to `.ll-report` so the live preview can carry it inside the app
 * without touching the app's own styles. Inlined into the HTML file; no web font, no url().
 */
import { REPORT_FONTS } from './reportCharts';

export const REPORT_CSS = `
.ll-report { font-family: ${REPORT_FONTS}; color: #1f2933; background: #fff; font-size: 10.5pt; line-height: 1.45; }
.ll-report :where(h1, h2, h3) { line-height: 1.25; margin: 0 0 0.5em; break-after: avoid; }
.ll-report h1 { font-size: 20pt; }
.ll-report h2 { font-size: 14pt; margin-top: 1.2em; border-bottom: 1px solid #cbd2d9; padding-bottom: 3px; }
.ll-report h3 { font-size: 11.5pt; margin-top: 1em; }
.ll-report p { margin: 0.4em 0; }
.ll-report .title-block { border-bottom: 3px solid #3aa17e; padding-bottom: 10px; margin-bottom: 8px; }
.ll-report .title-block dl, .ll-report dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
.ll-report dl.four { grid-template-columns: max-content max-content max-content max-content; }
.ll-report dt { color: #52606d; }
.ll-report dd { margin: 0; overflow-wrap: anywhere; }
.ll-report table { border-collapse: collapse; margin: 6px 0 10px; font-size: 9.5pt; }
.ll-report thead { display: table-header-group; }
.ll-report tr, .ll-report figure, .ll-report .keep { break-inside: avoid; page-break-inside: avoid; }
.ll-report th, .ll-report td { border: 1px solid #cbd2d9; padding: 3px 7px; text-align: left; vertical-align: top; }
.ll-report th { background: #f2f4f7; font-weight: 600; }
.ll-report td.num, .ll-report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.ll-report td.pos { color: #1d6b51; }
.ll-report td.neg { color: #a8372a; }
.ll-report figure { margin: 8px 0; }
.ll-report figure svg { display: block; max-width: 100%; height: auto; }
.ll-report ul, .ll-report ol { margin: 4px 0 8px; padding-left: 1.4em; }
.ll-report .features { columns: 2; column-gap: 24px; font-size: 9.5pt; }
.ll-report .case { break-before: page; page-break-before: always; }
.ll-report .page-break { break-before: page; page-break-before: always; }
.ll-report .summary { background: #f5faf7; border-left: 4px solid #3aa17e; padding: 6px 10px; margin: 8px 0; }
.ll-report .warning { background: #fdf3e7; border-left: 4px solid #c77c1e; padding: 4px 10px; margin: 4px 0; }
.ll-report .case table { font-size: 9pt; }
.ll-report .case th, .ll-report .case td { padding: 2px 6px; }
.ll-report .mono { font-family: 'Noto Sans Mono', 'DejaVu Sans Mono', Consolas, monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.ll-report .muted { color: #52606d; }
.ll-report .verdict { background: #eef6f2; border-left: 4px solid #3aa17e; padding: 4px 10px; margin: 4px 0; }
.ll-report .trust-block { margin-top: 10px; }
.ll-report .caption { font-size: 9.5pt; color: #52606d; margin-top: 10px; }
.ll-report table.matrix { font-size: 8.5pt; width: 100%; }
.ll-report table.matrix th, .ll-report table.matrix td { padding: 2px 4px; }
.ll-report:lang(ko) { word-break: keep-all; }
`;
