/**
 * The report as one self-contained HTML document: the layout rendered by svelte/server, with the
 * stylesheet and the SVG charts inline — no script, no font file, no network reference.
 */
import { render } from 'svelte/server';
import type { PdfInfo, ReportModel } from '../../../src-main/contract/report';
import { reportText } from './reportText';
import ReportLayout from './ReportLayout.svelte';

const escapeText = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Page size and margins for print; the PDF's footer sits in the bottom margin. */
export function pageCss(paper: ReportModel['presentation']['paper']): string {
  return `@page { size: ${paper === 'Letter' ? 'letter' : 'A4'}; margin: 16mm 16mm 18mm 16mm; }
html, body { margin: 0; background: #fff; }
@media screen { body { max-width: 720px; margin: 24px auto; padding: 0 16px; } }`;
}

export function renderReportHtml(report: ReportModel): string {
  const { body } = render(ReportLayout, { props: { report } });
  const p = report.presentation;
  return `<!doctype html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Lime Lens ${escapeText(report.generator.version)}">
${p.author ? `<meta name="author" content="${escapeText(p.author)}">\n` : ''}<title>${escapeText(p.title)}</title>
<style>${pageCss(p.paper)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The PDF's metadata: title, author, a subject naming the data file, and "Lime Lens <version>". */
export function pdfInfoOf(report: ReportModel): PdfInfo {
  const p = report.presentation;
  const lime = `Lime Lens ${report.generator.version}`;
  return {
    title: p.title,
    author: p.author,
    subject: reportText(p.language).r('report.subject', {
      file: report.inputs.file.name,
      rows: report.inputs.rows.join(', '),
    }),
    keywords: 'LIME, random forest, explanation',
    creator: lime,
    producer: `${lime} (Chromium print to PDF)`,
    created: new Date(report.createdAt),
  };
}
