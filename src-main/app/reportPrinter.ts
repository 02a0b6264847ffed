/**
 * Prints a report's self-contained HTML with Electron's printToPDF: a hidden, sandboxed window with
 * JavaScript off, in its own in-memory session that refuses every request but the report file.
 * The HTML goes through a temporary file because a data: URL of a long report would be too long.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { footerTemplate } from '../engine/report/pdfFooter';
import type { ReportPrinter } from '../services/reportHandlers';

/** No `persist:` prefix: the session lives in memory only. */
export const PRINT_PARTITION = 'lime-lens-report-print';

export function createReportPrinter(): ReportPrinter {
  return {
    async printToPdf(html, { paper, title, language }) {
      const dir = await mkdtemp(join(tmpdir(), 'lime-lens-report-'));
      const file = join(dir, 'report.html');
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          partition: PRINT_PARTITION,
        },
      });
      try {
        await writeFile(file, html, 'utf8');
        const url = pathToFileURL(file).href;
        session
          .fromPartition(PRINT_PARTITION)
          .webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }));
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF({
          pageSize: paper,
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(title, language),
          generateTaggedPDF: true,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
