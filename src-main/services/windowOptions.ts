/**
 * The main window's constructor options as plain data, so a Node test can pin the
 * security settings that app/window.ts hands to BrowserWindow.
 */
import type { WindowState } from './windowState';
import { MIN_WINDOW_SIZE } from './windowState';

/**
 * Renderer isolation: no Node, a sandboxed preload in its own JS world, no <webview>,
 * no spell-check service. `webSecurity` and `allowRunningInsecureContent` are left at
 * Electron's secure defaults on purpose — they are absent here, not set.
 */
export function secureWebPreferences(preloadPath: string, options: { readonly devTools: boolean }) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools,
  } as const;
}

export interface MainWindowOptionsInput {
  readonly state: WindowState;
  readonly preloadPath: string;
  readonly isDev: boolean;
  /** The OS prefers dark colours: paint the frame dark before the page draws, so it does not flash. */
  readonly dark: boolean;
  /** PNG icon for Linux (Windows and macOS take it from the executable). */
  readonly iconPath?: string;
}

export function mainWindowOptions(input: MainWindowOptionsInput) {
  const { state } = input;
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Lime Lens',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: input.dark ? '#1b1f1c' : '#ffffff',
    ...(input.iconPath !== undefined ? { icon: input.iconPath } : {}),
    webPreferences: secureWebPreferences(input.preloadPath, { devTools: input.isDev }),
  };
}
