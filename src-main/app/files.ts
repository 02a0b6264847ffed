/**
 * Electron's save/open dialogs and clipboard as the FileServices the export handlers use.
 * Thin: filters and default folder only; the handlers decide what is written.
 */
import type { BrowserWindow, FileFilter } from 'electron';
import { clipboard, ClipboardItem, dialog } from 'electron';
import { join } from 'node:path';
import { PROJECT_EXTENSION } from '../contract/ipc';
import type { FileServices, SaveKind } from '../services/exportHandlers';

const FILTERS: Readonly<Record<SaveKind, FileFilter[]>> = {
  png: [{ name: 'PNG image', extensions: ['png'] }],
  csv: [{ name: 'CSV (comma-separated)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  project: [{ name: 'Lime Lens project', extensions: [PROJECT_EXTENSION] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  html: [{ name: 'HTML page', extensions: ['html', 'htm'] }],
};

export function createFileServices(
  window: () => BrowserWindow | null,
  documentsDir: () => string,
): FileServices {
  return {
    async saveFile(suggestedName, kind) {
      const options = { defaultPath: join(documentsDir(), suggestedName), filters: FILTERS[kind] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openProject() {
      const options = { properties: ['openFile' as const], filters: FILTERS.project };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async copyImage(png) {
      // Electron 45's clipboard is the W3C-shaped one: a PNG blob under its MIME type.
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([png], { type: 'image/png' }) })]);
    },
  };
}
