/**
 * The one main window: options from services/windowOptions.ts, shown when painted,
 * its size and position restored from and saved to the user-data folder. The caller
 * loads the page after attaching its listeners.
 */
import type { Rectangle } from 'electron';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { mainWindowOptions } from '../services/windowOptions';
import { clampToDisplays, loadWindowState, saveWindowStateSync } from '../services/windowState';

export interface MainWindowInput {
  readonly stateFile: string;
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly iconPath?: string;
}

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

  // Saved synchronously: on quit, an asynchronous write could be cut off (a few hundred bytes, ~1 ms).
  win.on('close', () => {
    try {
      saveWindowStateSync(input.stateFile, { ...win.getNormalBounds(), isMaximized: win.isMaximized() });
    } catch (err) {
      console.warn('[window] could not save the window state', err);
    }
  });

  return win;
}
