/**
 * Electron entry: single instance, the app:// protocol, the hardened session, the
 * worker, IPC and the window. Everything with logic lives in ../services (plain
 * Node, unit-tested); this file only wires it to Electron.
 */
import type { BrowserWindow } from 'electron';
import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import type { EventChannel, EventMap } from '../contract/ipc';
import { createHandlers } from '../services/handlers';
import { createIpcDispatcher } from '../services/ipcDispatch';
import { datasetPathFromArgv, DATASET_EXTENSIONS } from '../services/launchArgs';
import { menuLanguage } from '../services/menuTemplate';
import { createOpenablePaths } from '../services/openablePaths';
import { createRecentFilesStore } from '../services/recentFiles';
import { resolveSamplesDir, SAMPLES } from '../services/samples';
import { APP_ENTRY_URL, createSenderPolicy, rendererDevServerUrl } from '../services/senderPolicy';
import { createWorkerJobClient } from '../worker/client';
import { registerIpc } from './ipc';
import { createFileServices } from './files';
import { createReportPrinter } from './reportPrinter';
import { installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { spawnUtilityHost } from './workerProcess';

const isDev = !app.isPackaged;
const devServerUrl = rendererDevServerUrl(app.isPackaged, process.env);
const policy = createSenderPolicy(devServerUrl, { allowDevTools: isDev });

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let pageLoaded = false;
  /** Files the renderer may ask to open: launch arguments join dialog answers and drops. */
  const openable = createOpenablePaths();
  /** A file the OS asked us to open before the page could receive it. */
  let pendingPath = datasetPathFromArgv(process.argv, process.cwd());
  if (pendingPath !== null) openable.allow(pendingPath);

  function sendEvent<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  }

  /** The renderer owns what is open, so main asks it to open the path (same as Open Recent). */
  function openInRenderer(path: string): void {
    openable.allow(path);
    if (mainWindow && pageLoaded) sendEvent('menu:command', { type: 'open-recent', path });
    else pendingPath = path;
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const path = datasetPathFromArgv(argv, workingDirectory);
    if (path !== null) openInRenderer(path);
  });

  // macOS delivers file-association opens as an event, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openInRenderer(path);
  });

  void app
    .whenReady()
    .then(async () => {
      handleAppProtocol(join(__dirname, '../renderer'));
      hardenSession(session.defaultSession, policy);

      const userData = app.getPath('userData');
      const recent = createRecentFilesStore({ file: join(userData, 'recent-files.json') });
      // The computation runs in its own process: running out of memory there cannot take main down.
      const jobs = createWorkerJobClient({
        host: { spawn: spawnUtilityHost, hostPath: join(__dirname, 'workerHost.js') },
      });
      app.on('will-quit', () => void jobs.dispose());

      const locale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
      const handlers = createHandlers({
        jobs,
        samplesDir: resolveSamplesDir({
          isPackaged: app.isPackaged,
          appPath: app.getAppPath(),
          resourcesPath: process.resourcesPath,
        }),
        recent,
        dialogs: {
          async openDataset() {
            const options = {
              properties: ['openFile' as const],
              filters: [
                { name: 'Data files', extensions: [...DATASET_EXTENSIONS] },
                { name: 'All files', extensions: ['*'] },
              ],
            };
            const result = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
        },
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          locale,
          platform: process.platform,
        }),
        sendEvent,
        openable,
        files: createFileServices(
          () => mainWindow,
          () => app.getPath('documents'),
        ),
        reportPrinter: createReportPrinter(),
      });
      registerIpc(createIpcDispatcher({ handlers, isTrustedSender: policy.isTrustedSender }));

      async function refreshMenu(): Promise<void> {
        installMenu(
          {
            platform: process.platform,
            isDev,
            language: menuLanguage(locale),
            samples: SAMPLES,
            recent: await recent.list(),
          },
          {
            command: (command) => sendEvent('menu:command', command),
            action: (action) => {
              if (action === 'clear-recent') void recent.clear();
            },
          },
        );
      }
      recent.onChange((files) => {
        void refreshMenu();
        if (process.platform !== 'linux' && files[0]) app.addRecentDocument(files[0].path);
      });
      await refreshMenu();

      async function openWindow(): Promise<void> {
        pageLoaded = false;
        const win = await createMainWindow({
          stateFile: join(userData, 'window-state.json'),
          preloadPath: join(__dirname, '../preload/index.cjs'),
          isDev,
          ...(isDev &&
            process.platform === 'linux' && { iconPath: join(app.getAppPath(), 'assets/icons/icon.png') }),
        });
        mainWindow = win;
        win.on('closed', () => {
          if (mainWindow === win) mainWindow = null;
        });
        win.webContents.on('did-start-loading', () => (pageLoaded = false));
        win.webContents.on('did-finish-load', () => {
          pageLoaded = true;
          if (pendingPath !== null) {
            const path = pendingPath;
            pendingPath = null;
            openInRenderer(path);
          }
        });
        await win.loadURL(devServerUrl ?? APP_ENTRY_URL);
      }

      app.on('activate', () => {
        if (mainWindow === null) void openWindow().catch(reportFatal);
      });
      await openWindow();
    })
    .catch(reportFatal);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function reportFatal(err: unknown): void {
  console.error('[main] startup failed', err);
  dialog.showErrorBox('Lime Lens could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}
