/**
 * The current UI language as reactive state. `t()` and `fmt` read it, so any template or
 * $derived that calls them re-renders when the language changes.
 */
import { createNumberFormatter, type NumberFormatter } from '../lib/format';
import { en } from './en';
import { ko } from './ko';
import {
  languageForLocale,
  numberLocale,
  translate,
  type Catalog,
  type Language,
  type MessageKey,
  type MessageParams,
} from './translate';

export type LanguagePreference = Language | 'system';

const catalogs: Readonly<Record<Language, Catalog>> = { en, ko };

class I18nState {
  preference = $state<LanguagePreference>('system');
  /** The OS locale as reported by main (falls back to the browser's). */
  osLocale = $state(typeof navigator === 'undefined' ? 'en-US' : navigator.language);

  readonly language: Language = $derived(
    this.preference === 'system' ? languageForLocale(this.osLocale) : this.preference,
  );
  readonly locale: string = $derived(numberLocale(this.language, this.osLocale));
  readonly fmt: NumberFormatter = $derived(createNumberFormatter(this.locale));
}

export const i18n = new I18nState();

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(catalogs[i18n.language], key, params);
}

export function setLanguagePreference(preference: LanguagePreference): void {
  i18n.preference = preference;
  try {
    localStorage.setItem('lime-lens.language', preference);
  } catch {
    // Storage can be unavailable (private mode, sandbox); the choice then lasts for the session.
  }
}

export function restoreLanguagePreference(): void {
  try {
    const saved = localStorage.getItem('lime-lens.language');
    if (saved === 'en' || saved === 'ko' || saved === 'system') i18n.preference = saved;
  } catch {
    // See setLanguagePreference.
  }
}
