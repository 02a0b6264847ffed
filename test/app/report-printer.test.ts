import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  windows: [] as {
    options: unknown;
    loaded: string[];
    destroyed: boolean;
    printOptions: unknown;
    html: string;
  }[],
  filters: [] as ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void)[],
  partitions: [] as string[],
}));

vi.mock('electron', () => ({
  session: {
    fromPartition: (name: string) => {
      electron.partitions.push(name);
      return {
        webRequest: { onBeforeRequest: (fn: (typeof electron.filters)[number]) => electron.filters.push(fn) },
      };
    },
  },
  BrowserWindow: class {
    record = {
      options: undefined as unknown,
      loaded: [] as string[],
      destroyed: false,
      printOptions: undefined as unknown,
      html: '',
    };
    constructor(options: unknown) {
      this.record.options = options;
      electron.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      this.record.html = readFileSync(fileURLToPath(url), 'utf8');
    }
    webContents = {
      printToPDF: async (options: unknown) => {
        this.record.printOptions = options;
        return Buffer.from('%PDF-1.4 fake');
      },
    };
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

const { createReportPrinter, PRINT_PARTITION } = await import('../../src-main/app/reportPrinter');

describe('app/reportPrinter.ts', () => {
  it('prints in a hidden, sandboxed window without JavaScript that may load only the report file', async () => {
    const html = '<!doctype html><title>T</title><p>유방암</p>';
    const pdf = await createReportPrinter().printToPdf(html, {
      paper: 'Letter',
      title: 'T & Co',
      language: 'ko',
    });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake');
    const [win] = electron.windows;
    expect(win.options).toEqual({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        partition: PRINT_PARTITION,
      },
    });
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(win.html).toBe(html);
    const [url] = win.loaded;
    expect(url).toMatch(/^file:\/\/.*\/report\.html$/);
    const answer = (u: string) => {
      let cancel: boolean | undefined;
      electron.filters[0]({ url: u }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer(url)).toBe(false);
    expect(answer('https://example.com/x.png')).toBe(true);
    expect(answer('file:///etc/passwd')).toBe(true);
    expect(win.printOptions).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      generateTaggedPDF: true,
    });
    expect((win.printOptions as { footerTemplate: string }).footerTemplate).toContain(
      '<span>T &#38; Co</span>',
    );
    expect(win.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(url))).toBe(false);
  });
});
