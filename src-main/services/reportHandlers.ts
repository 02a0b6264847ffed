/**
 * Issue #8 §2–3 in main: build a report (the worker explains the cases and collects the numbers),
 * keep it, and save it as PDF, HTML or report.json where the user chooses in the native dialog.
 * Main renders the HTML itself from the report it keeps, so a saved file never carries numbers the
 * renderer sent back.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Outcome, SavedFileDTO } from '../contract/ipc';
import {
  REPORT_SCHEMA,
  type BuiltReportDTO,
  type ReportModel,
  type ReportPaper,
  type ReportPresentation,
} from '../contract/report';
import { withPdfInfo } from '../engine/report/pdfInfo';
import { writeFileAtomic } from './atomicFile';
import type { HandlerDeps, Handlers } from './handlers';
import { toErrorDTO, userError } from './handlers';
import { pdfInfoOf, renderReportHtml } from './reportHtml';

export type ReportChannel = 'report:build' | 'report:save';

/** Prints self-contained report HTML to PDF; the app uses a hidden, script-less Electron window. */
export interface ReportPrinter {
  printToPdf(
    html: string,
    options: { paper: ReportPaper; title: string; language: string },
  ): Promise<Uint8Array>;
}

/** Reports kept for saving; the oldest go first (each holds every number of its cases). */
const KEPT_REPORTS = 8;

/** A file name from the title: letters, digits and spaces kept, the rest dropped. */
export function reportFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'report'}.${extension}`;
}

export function withReports(deps: HandlerDeps, base: Omit<Handlers, ReportChannel>): Handlers {
  const { jobs } = deps;
  const log = deps.log ?? ((message, error) => console.error(`[reports] ${message}`, error));
  const reports = new Map<string, ReportModel>();

  async function outcome<T>(what: string, work: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      const error = toErrorDTO(err);
      if (error.kind === 'internal') log(`${what} failed`, err);
      return { ok: false, error };
    }
  }

  function keep(report: ReportModel): string {
    const reportId = `report-${randomUUID()}`;
    reports.set(reportId, report);
    while (reports.size > KEPT_REPORTS) reports.delete(reports.keys().next().value!);
    return reportId;
  }

  async function content(report: ReportModel, format: 'pdf' | 'html' | 'json'): Promise<string | Uint8Array> {
    if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
    const html = renderReportHtml(report);
    if (format === 'html') return html;
    if (!deps.reportPrinter) throw new Error('Printing to PDF is not available.');
    const p = report.presentation;
    const pdf = await deps.reportPrinter.printToPdf(html, {
      paper: p.paper,
      title: p.title,
      language: p.language,
    });
    return withPdfInfo(pdf, pdfInfoOf(report));
  }

  return {
    ...base,
    'report:build': ({ jobId, request }) =>
      outcome('Building a report', async (): Promise<BuiltReportDTO> => {
        const { inputs, results } = await jobs.run(
          'report',
          { modelId: request.modelId, rows: request.rows, lime: request.lime },
          {
            jobId,
            onProgress: (fraction, message) =>
              deps.sendEvent('job:progress', { jobId, kind: 'explain', fraction, ...message }),
          },
        );
        const info = await deps.appInfo();
        const report: ReportModel = {
          schema: REPORT_SCHEMA,
          generator: { name: 'Lime Lens', version: info.version },
          createdAt: new Date().toISOString(),
          platform: `${info.platform} ${process.arch}`,
          presentation: request.presentation,
          inputs,
          results,
        };
        return { reportId: keep(report), report };
      }),
    'report:save': async ({ reportId, presentation, format }) => {
      const kept = reports.get(reportId);
      if (!kept) return { ok: false, error: userError('This report is no longer available. Make it again.') };
      return outcome('Saving a report', async (): Promise<SavedFileDTO | null> => {
        const report: ReportModel = { ...kept, presentation: presentation satisfies ReportPresentation };
        if (!deps.files) throw new Error('Saving files is not available.');
        // Render before asking: a failure is reported without a dialog the user answered in vain.
        const body = await content(report, format);
        const name = format === 'json' ? 'report.json' : reportFileName(presentation.title, format);
        const path = await deps.files.saveFile(name, format);
        if (path === null) return null;
        await writeFileAtomic(path, body);
        return { path, fileName: basename(path) };
      });
    },
  };
}
