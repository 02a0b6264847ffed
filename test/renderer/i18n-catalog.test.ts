import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/src/i18n/en';
import { ko } from '../../src-renderer/src/i18n/ko';
import { languageForLocale, numberLocale, translate } from '../../src-renderer/src/i18n/translate';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string catalogs', () => {
  it('Korean defines exactly the English keys', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('every Korean string uses the same placeholders as its English original', () => {
    const mismatched = Object.keys(en).filter(
      (k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(ko[k as keyof typeof ko]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no empty strings and translates user-visible text into Korean', () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(Object.entries(ko).filter(([, v]) => v.trim() === '')).toEqual([]);
    // Hangul in the main navigation and actions, not English left over.
    for (const key of ['nav.data', 'nav.model', 'nav.explain', 'model.train', 'error.title'] as const) {
      expect(ko[key]).toMatch(/[\uac00-\ud7a3]/);
    }
  });
});

describe('translate', () => {
  it('fills placeholders, repeated ones too', () => {
    expect(translate(en, 'header.facts', { rows: '569', columns: 31 })).toBe('569 rows · 31 columns');
    expect(translate(ko, 'header.facts', { rows: '569', columns: 31 })).toBe('569행 · 31열');
    expect(translate(en, 'confusion.tooltip', { actual: 'a', predicted: 'b', count: 3, percent: '5%' })).toBe(
      'Actual a, predicted b: 3 cases (5% of actual a)',
    );
  });

  it('leaves an unknown placeholder visible and text without params untouched', () => {
    expect(translate(en, 'header.facts', { rows: 1 })).toBe('1 rows · {columns} columns');
    expect(translate(en, 'nav.data')).toBe('Data');
  });
});

describe('locale choice', () => {
  it('maps OS locales to UI languages', () => {
    expect(languageForLocale('ko-KR')).toBe('ko');
    expect(languageForLocale('ko')).toBe('ko');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('de-DE')).toBe('en');
    expect(languageForLocale(undefined)).toBe('en');
  });

  it('keeps the OS number conventions only when they belong to the UI language', () => {
    expect(numberLocale('en', 'en-GB')).toBe('en-GB');
    expect(numberLocale('en', 'ko-KR')).toBe('en-US');
    expect(numberLocale('ko', 'en-US')).toBe('ko-KR');
    expect(numberLocale('ko', 'ko-KR')).toBe('ko-KR');
  });
});

describe('catalog hygiene', () => {
  it('uses every English key somewhere in the renderer (literally or through a known key prefix)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const root = resolve(import.meta.dirname, '../../src-renderer/src');
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'i18n') walk(path);
        } else sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(root);
    const code = sources.join('\n');
    // Keys built at run time from a value: `column.kind.${kind}`, `data.delimiter.${name}`, `reportView.section.${s}`.
    // engine.* keys are looked up by the code an error or warning carries (i18n/engineMessage.ts).
    const dynamicPrefixes = [
      'column.kind.',
      'column.dateCounts.',
      'data.delimiter.',
      'columns.type.',
      'columns.role.',
      'reportView.section.',
      'engine.',
    ];
    const unused = Object.keys(en).filter(
      (key) => !code.includes(`'${key}'`) && !dynamicPrefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
