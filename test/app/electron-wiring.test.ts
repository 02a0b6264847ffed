/**
 * The thin Electron files, run against a mocked `electron` module: each hands
 * Electron's objects to the tested services and adds no logic of its own.
 */
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../src-main/contract/ipc';
import { createSenderPolicy } from '../../src-main/services/senderPolicy';

type Fn = (...args: never[]) => unknown;

const electron = vi.hoisted(() => ({
  handled: new Map<string, (event: unknown, args: unknown) => unknown>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  menuTemplate: undefined as unknown,
  forked: [] as { modulePath: string; args: string[]; options: unknown; child: FakeUtility }[],
}));

interface FakeUtility {
  pid: number;
  sent: unknown[];
  killed: number;
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
}
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args: unknown) => unknown) =>
      electron.handled.set(channel, fn),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
    handle: (scheme: string, fn: (request: { url: string; method: string }) => Promise<Response>) =>
      electron.protocolHandlers.set(scheme, fn),
  },
  utilityProcess: {
    fork(modulePath: string, args: string[], options: unknown) {
      const child: FakeUtility = { pid: 4242, sent: [], killed: 0, listeners: new Map() };
      electron.forked.push({ modulePath, args, options, child });
      return {
        pid: child.pid,
        postMessage: (m: unknown) => child.sent.push(m),
        kill: () => ((child.killed += 1), true),
        on(event: string, fn: (...args: unknown[]) => void) {
          child.listeners.set(event, [...(child.listeners.get(event) ?? []), fn]);
        },
      };
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => {
      electron.menuTemplate = template;
      return { template };
    },
    setApplicationMenu: () => undefined,
  },
}));

const { registerIpc } = await import('../../src-main/app/ipc');
const { hardenSession, hardenWebContents } = await import('../../src-main/app/security');
const { installMenu } = await import('../../src-main/app/menu');
const { registerAppScheme, handleAppProtocol } = await import('../../src-main/app/protocol');
const { spawnUtilityHost } = await import('../../src-main/app/workerProcess');

const policy = createSenderPolicy(undefined);

describe('app/ipc.ts', () => {
  it('registers every contract channel and passes the sender frame (url, main frame or not) to the dispatcher', async () => {
    const seen: unknown[] = [];
    registerIpc(async (channel, sender, args) => {
      seen.push([channel, sender, args]);
      return true as never;
    });
    expect([...electron.handled.keys()]).toEqual([...INVOKE_CHANNELS]);
    const top = { url: 'app://lime-lens/index.html', parent: null };
    await electron.handled.get('job:cancel')!({ senderFrame: top }, { jobId: 'j' });
    await electron.handled.get('job:cancel')!({ senderFrame: { url: 'app://lime-lens/x', parent: top } }, 1);
    await electron.handled.get('app:info')!({ senderFrame: null }, null);
    expect(seen).toEqual([
      ['job:cancel', { url: 'app://lime-lens/index.html', isMainFrame: true }, { jobId: 'j' }],
      ['job:cancel', { url: 'app://lime-lens/x', isMainFrame: false }, 1],
      ['app:info', null, null],
    ]);
  });
});

describe('app/security.ts', () => {
  function fakeSession() {
    const h: Record<string, Fn> = {};
    return {
      h,
      session: {
        setPermissionRequestHandler: (fn: Fn) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (h.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => (h.device = fn),
        webRequest: { onBeforeRequest: (fn: Fn) => (h.beforeRequest = fn) },
        on: (event: string, fn: Fn) => (h[event] = fn),
      },
    };
  }

  it('denies every permission, blocks network requests outside the app, cancels downloads', () => {
    const { h, session } = fakeSession();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hardenSession(session as never, policy);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      (h.permissionRequest as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
        null,
        permission,
        (ok) => answers.push(ok),
      );
    }
    expect(answers).toEqual([false, false, false, false]);
    expect((h.permissionCheck as () => boolean)()).toBe(false);
    expect((h.device as () => boolean)()).toBe(false);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      (h.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (cancel = r.cancel),
      );
      return cancel;
    };
    expect(verdict('app://lime-lens/assets/index.js')).toBe(false);
    expect(verdict('https://example.com/track.gif')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    let prevented = false;
    (h['will-download'] as (e: { preventDefault(): void }) => void)({
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    warn.mockRestore();
  });

  it('denies window.open, foreign navigation and redirects, and <webview>', () => {
    const h: Record<string, Fn> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      on: (event: string, fn: Fn) => (h[event] = fn),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    hardenWebContents(contents as never, policy);
    expect(openHandler!({ url: 'app://lime-lens/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const outcome = (url: string) => {
        let prevented = false;
        (h[event] as (e: { url: string; preventDefault(): void }) => void)({
          url,
          preventDefault: () => (prevented = true),
        });
        return prevented;
      };
      expect(outcome('https://example.com/'), event).toBe(true);
      expect(outcome('file:///home/ana/cases.csv'), event).toBe(true);
      expect(outcome('app://lime-lens/index.html'), event).toBe(false);
    }
    let webviewBlocked = false;
    (h['will-attach-webview'] as (e: { preventDefault(): void }) => void)({
      preventDefault: () => (webviewBlocked = true),
    });
    expect(webviewBlocked).toBe(true);
    warn.mockRestore();
  });
});

describe('app/menu.ts', () => {
  it('turns command items into clicks that send the command, and action items into main actions', () => {
    const commands: unknown[] = [];
    const actions: unknown[] = [];
    installMenu(
      {
        platform: 'linux',
        isDev: false,
        language: 'en',
        samples: [],
        recent: [{ path: '/d/a.csv', fileName: 'a.csv', openedAt: '2026-01-01T00:00:00Z' }],
        home: '/home/x',
      },
      { command: (c) => commands.push(c), action: (a) => actions.push(a) },
    );
    type Item = { label?: string; click?: () => void; submenu?: Item[]; command?: unknown };
    const template = electron.menuTemplate as Item[];
    const file = template[0].submenu!;
    file[0].click!();
    const recentMenu = file.find((i) => i.label === 'Open Recent')!.submenu!;
    recentMenu[0].click!();
    recentMenu.at(-1)!.click!();
    expect(commands).toEqual([{ type: 'open-dataset' }, { type: 'open-recent', path: '/d/a.csv' }]);
    expect(actions).toEqual(['clear-recent']);
    expect(JSON.stringify(template)).not.toContain('"command"');
  });
});

describe('app/protocol.ts', () => {
  it('registers app:// as a standard, secure scheme and serves through serveAppRequest', async () => {
    registerAppScheme();
    expect(electron.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
    handleAppProtocol('/nonexistent/renderer');
    const response = await electron.protocolHandlers.get('app')!({
      url: 'app://lime-lens/../../etc/passwd',
      method: 'GET',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('app/workerProcess.ts', () => {
  it('forks the worker host as a utility process and adapts its messages, exit and kill', () => {
    const host = spawnUtilityHost('/app/out/main/workerHost.js', ['--heap-mb=2048']);
    const [{ modulePath, args, options, child }] = electron.forked;
    expect([modulePath, args, options]).toEqual([
      '/app/out/main/workerHost.js',
      ['--heap-mb=2048'],
      { serviceName: 'Lime Lens computation', stdio: 'inherit' },
    ]);
    expect(host.pid).toBe(4242);
    const messages: unknown[] = [];
    const exits: unknown[] = [];
    host.onMessage((m) => messages.push(m));
    host.onExit((code, signal) => exits.push([code, signal]));
    host.postMessage({ type: 'cancel', id: 'j1' });
    expect(child.sent).toEqual([{ type: 'cancel', id: 'j1' }]);
    child.listeners.get('message')![0]({ type: 'progress', id: 'j1', fraction: 0.5, message: 'x' });
    child.listeners.get('exit')![0](3);
    expect(messages).toEqual([{ type: 'progress', id: 'j1', fraction: 0.5, message: 'x' }]);
    expect(exits).toEqual([[3, null]]);
    host.kill();
    expect(child.killed).toBe(1);
  });
});
