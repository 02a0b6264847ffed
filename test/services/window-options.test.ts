import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../src-main/services/windowOptions';

describe('main window options', () => {
  it('isolate the renderer: context isolation, sandbox, no Node, no webview, no spell-check', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('leave web security settings at their secure defaults (not set at all)', () => {
    const prefs: Record<string, unknown> = secureWebPreferences('/p.cjs', { devTools: true });
    for (const key of [
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ]) {
      expect(key in prefs, key).toBe(false);
    }
  });

  it('start hidden (shown on ready-to-show) at the restored bounds, DevTools only in development', () => {
    const opts = mainWindowOptions({
      state: { x: 10, y: 20, width: 1000, height: 700, isMaximized: false },
      preloadPath: '/p.cjs',
      isDev: true,
      dark: true,
    });
    expect(opts).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      minWidth: 900,
      minHeight: 600,
      show: false,
    });
    expect(opts.backgroundColor).toBe('#1b1f1c');
    expect(opts.webPreferences.devTools).toBe(true);
    const first = mainWindowOptions({
      state: { width: 1280, height: 800, isMaximized: false },
      preloadPath: '/p.cjs',
      isDev: false,
      dark: false,
    });
    expect('x' in first || 'y' in first).toBe(false);
    expect(first.webPreferences.devTools).toBe(false);
    expect(first.backgroundColor).toBe('#ffffff');
  });
});
