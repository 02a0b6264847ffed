/**
 * Installs the application menu built by services/menuTemplate.ts: command items are
 * sent to the renderer as 'menu:command' events, action items run in main.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';
import type { MenuCommand } from '../contract/ipc';
import type { MenuAction, MenuInput, MenuItemSpec } from '../services/menuTemplate';
import { buildMenuTemplate } from '../services/menuTemplate';

export interface MenuHandlers {
  readonly command: (command: MenuCommand) => void;
  readonly action: (action: MenuAction) => void;
}

function toElectron(item: MenuItemSpec, handlers: MenuHandlers): MenuItemConstructorOptions {
  const { command, action, submenu, ...rest } = item;
  return {
    ...rest,
    ...(submenu && { submenu: submenu.map((child) => toElectron(child, handlers)) }),
    ...(command && { click: () => handlers.command(command) }),
    ...(action && { click: () => handlers.action(action) }),
  };
}

export function installMenu(input: MenuInput, handlers: MenuHandlers): void {
  const template = buildMenuTemplate(input).map((item) => toElectron(item, handlers));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
