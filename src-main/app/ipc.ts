/**
 * Registers every contract channel with ipcMain. Each call goes through the
 * dispatcher: sender frame check, then argument validation, then the handler.
 */
import { ipcMain } from 'electron';
import type { InvokeChannel } from '../contract/ipc';
import { INVOKE_CHANNELS } from '../contract/ipc';
import type { Dispatch } from '../services/ipcDispatch';

export function registerIpc(dispatch: Dispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      return dispatch(channel as InvokeChannel, sender, args);
    });
  }
}
