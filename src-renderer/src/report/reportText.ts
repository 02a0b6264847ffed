/**
 * Words and number formats of one report, fixed by the report's language (not the UI's): the same
 * report.json prints the same text in the app, the HTML file, the PDF and the CLI.
 */
import type { ReportLanguage } from '../../../src-main/contract/report';
import { createNumberFormatter, type NumberFormatter } from '../lib/format';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { translate, type Catalog, type MessageParams, type Translate } from '../i18n/translate';
import { reportEn, type ReportCatalog, type ReportKey } from './i18n/en';
import { reportKo } from './i18n/ko';

export interface ReportText {
  readonly language: ReportLanguage;
  readonly locale: string;
  /** Report words. */
  readonly r: (key: ReportKey, params?: MessageParams) => string;
  /** UI words (chart titles, axis names, fidelity warnings). */
  readonly t: Translate;
  readonly fmt: NumberFormatter;
  /** "a, b and c" in the report's language. */
  readonly list: (items: readonly string[]) => string;
  /** Date and time in UTC, e.g. "2 December 2026, 01:20 UTC". */
  readonly dateTime: (iso: string) => string;
}

const ui: Readonly<Record<ReportLanguage, Catalog>> = { en, ko };
const words: Readonly<Record<ReportLanguage, ReportCatalog>> = { en: reportEn, ko: reportKo };

export function reportText(language: ReportLanguage): ReportText {
  const locale = language === 'ko' ? 'ko-KR' : 'en-GB';
  const catalog = words[language];
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const dateFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  });
  return {
    language,
    locale,
    r: (key, params) =>
      params
        ? catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
            Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
          )
        : catalog[key],
    t: (key, params) => translate(ui[language], key, params),
    fmt: createNumberFormatter(locale),
    list: (items) => listFormat.format(items),
    dateTime: (iso) => `${dateFormat.format(new Date(iso))} UTC`,
  };
}
