/**
 * Prints the report's HTML with a Chromium found on the machine (the app uses Electron's own
 * printToPDF of the same HTML). JavaScript is off and every request is refused: the page is the
 * self-contained report and nothing else.
 */
import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import type { ReportPaper } from '../contract/report';
import { footerTemplate } from '../engine/report/pdfFooter';

/** Where Chromium or Chrome usually is, in the order tried after --browser and $CHROMIUM_PATH. */
export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: `explicit` (--browser) must exist; otherwise $CHROMIUM_PATH, then the
 * usual places. null when none is found.
 */
export async function findChromium(explicit?: string, env = process.env): Promise<string | null> {
  if (explicit !== undefined) return (await executable(explicit)) ? explicit : null;
  for (const candidate of [env.CHROMIUM_PATH, ...BROWSER_CANDIDATES]) {
    if (candidate && (await executable(candidate))) return candidate;
  }
  return null;
}

export interface Printer {
  pdf(html: string, options: { paper: ReportPaper; title: string; language: string }): Promise<Uint8Array>;
  /** A PNG of a standalone SVG at twice its size (for the charts folder). */
  png(svg: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Launches the Chromium at `executablePath` and prints with it; close() ends it. */
export async function openPrinter(executablePath: string): Promise<Printer> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const printer = await printerOn(browser);
  return {
    ...printer,
    close: async () => {
      await printer.close();
      await browser.close();
    },
  };
}

/** Prints in a fresh context of a running browser (the e2e harness shares one); close() ends the context. */
export async function printerOn(browser: Browser): Promise<Printer> {
  const context = await browser.newContext({ javaScriptEnabled: false, deviceScaleFactor: 2, offline: true });
  await context.route('**/*', (route) => route.abort());
  return {
    async pdf(html, { paper, title, language }) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: paper === 'Letter' ? 'Letter' : 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(title, language),
          tagged: true,
          outline: false,
        });
      } finally {
        await page.close();
      }
    },
    async png(svg) {
      const page = await context.newPage();
      try {
        await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg}</body>`);
        return await page.locator('svg').first().screenshot({ type: 'png' });
      } finally {
        await page.close();
      }
    },
    close: () => context.close(),
  };
}
