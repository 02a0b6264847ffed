/** Light/dark theme: follows `prefers-color-scheme` unless the user picked one. */
import { chartTheme, type ChartTheme } from '../lib/charts/chartTheme';

export type ThemePreference = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'lime-lens.theme';

class ThemeState {
  preference = $state<ThemePreference>('system');
  systemDark = $state(false);
  readonly resolved: 'light' | 'dark' = $derived(
    this.preference === 'system' ? (this.systemDark ? 'dark' : 'light') : this.preference,
  );
  readonly chart: ChartTheme = $derived(chartTheme(this.resolved));
}

export const theme = new ThemeState();

/** Starts following the OS setting; returns the function that stops it. */
export function watchSystemTheme(): () => void {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') theme.preference = saved;
  } catch {
    // Storage unavailable: keep the default.
  }
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  theme.systemDark = query.matches;
  const onChange = (e: MediaQueryListEvent): void => {
    theme.systemDark = e.matches;
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function setThemePreference(preference: ThemePreference): void {
  theme.preference = preference;
  try {
    localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Storage unavailable: the choice lasts for the session.
  }
}
