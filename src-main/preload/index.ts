import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('limeLens', {});
