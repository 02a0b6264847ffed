/**
 * Sandboxed preload: exposes only the curated API (never ipcRenderer itself, whose
 * `send`/`on` would reach any channel).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createLimeLensApi } from './api';

const api = createLimeLensApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  on(channel, listener) {
    // The IpcRendererEvent stays here: it carries `sender`, which would hand the page ipcRenderer.
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('limeLens', api);
