/**
 * The one main window: options from services/windowOptions.ts, shown when painted,
 * its size and position restored from and saved to the user-data folder. The caller
 * loads the page after attaching its listeners.
 */
import type { Rectangle } from 'electron';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { mainWindowOptions } from '../services/windowOptions';
import { clampToDisplays, loadWindowState, saveWindowState } from '../services/windowState';

export interface MainWindowInput {
  readonly stateFile: string;
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly iconPath?: string;
}

/** How long closing may wait for the window state to reach the disk. */
const SAVE_TIMEOUT_MS = 1000;

export async function createMainWindow(input: MainWindowInput): Promise<BrowserWindow> {
  const workAreas: Rectangle[] = [
    screen.getPrimaryDisplay().workArea,
    ...screen
      .getAllDisplays()
      .filter((d) => d.id !== screen.getPrimaryDisplay().id)
      .map((d) => d.workArea),
  ];
  const state = clampToDisplays(await loadWindowState(input.stateFile), workAreas);
  const win = new BrowserWindow(
    mainWindowOptions({
      state,
      preloadPath: input.preloadPath,
      isDev: input.isDev,
      dark: nativeTheme.shouldUseDarkColors,
      ...(input.iconPath !== undefined && { iconPath: input.iconPath }),
    }),
  );
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });

  // Closing waits (briefly) for the state file: a fire-and-forget write could be cut off by quit.
  let saved = false;
  win.on('close', (event) => {
    if (saved) return;
    event.preventDefault();
    const bounds = win.getNormalBounds();
    const write = saveWindowState(input.stateFile, { ...bounds, isMaximized: win.isMaximized() }).catch(
      (err: unknown) => console.warn('[window] could not save the window state', err),
    );
    const timeout = new Promise((resolve) => setTimeout(resolve, SAVE_TIMEOUT_MS));
    void Promise.race([write, timeout]).then(() => {
      saved = true;
      if (!win.isDestroyed()) win.close();
    });
  });

  return win;
}
