import type { en } from './en';

export type MessageKey = keyof typeof en;
/** Every language must define every key of the English catalog (a missing key is a type error). */
export type Catalog = { readonly [K in MessageKey]: string };
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a catalog bug is noticed. */
export function translate(catalog: Catalog, key: MessageKey, params?: MessageParams): string {
  const text = catalog[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type Language = 'en' | 'ko';

/** Maps an OS/browser locale tag (e.g. 'ko-KR') to a supported UI language. */
export function languageForLocale(locale: string | undefined): Language {
  return locale && /^ko\b/i.test(locale) ? 'ko' : 'en';
}

/**
 * The locale numbers are formatted with: the OS locale when it belongs to the UI language
 * (so an en-GB user keeps their conventions), otherwise the UI language's main locale.
 */
export function numberLocale(language: Language, osLocale: string | undefined): string {
  if (osLocale && languageForLocale(osLocale) === language && /^[a-z]{2}/i.test(osLocale)) {
    try {
      return Intl.NumberFormat.supportedLocalesOf([osLocale])[0] ?? defaultLocale(language);
    } catch {
      return defaultLocale(language);
    }
  }
  return defaultLocale(language);
}

function defaultLocale(language: Language): string {
  return language === 'ko' ? 'ko-KR' : 'en-US';
}
