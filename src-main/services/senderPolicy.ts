/**
 * Which URLs are "our app": the custom protocol in production, the electron-vite dev
 * server in development. IPC senders, navigations and network requests are checked
 * against this; everything else is refused (the app is offline by design).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'lime-lens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Protocols the renderer may load besides the app and dev server (inline images); DevTools only in development. */
const LOCAL_PROTOCOLS = new Set(['data:', 'blob:']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The dev server URL to trust, or undefined. Only honoured in an unpackaged app and
 * only on a loopback http(s) address, so an environment variable cannot point a
 * shipped app at a remote page.
 */
export function rendererDevServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  if (isPackaged) return undefined;
  const url = parse(env.ELECTRON_RENDERER_URL);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
}

export interface SenderPolicy {
  /** True only for a page of our own app (custom protocol, or the dev server in development). */
  isTrustedSender(frameUrl: string | null | undefined): boolean;
  /** Navigation inside the window: only to our own app. */
  navigationPolicy(url: string): 'allow' | 'deny';
  /** Network-level filter: our app, the dev server (and its HMR socket), data:, blob:; devtools: in development. */
  isAllowedRequest(url: string): boolean;
}

/**
 * `devServerUrl` comes from rendererDevServerUrl (undefined in production); `allowDevTools`
 * is true only in an unpackaged app, where the window has DevTools.
 */
export function createSenderPolicy(
  devServerUrl: string | undefined,
  { allowDevTools = false }: { readonly allowDevTools?: boolean } = {},
): SenderPolicy {
  const dev = parse(devServerUrl);

  function isAppUrl(url: URL): boolean {
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return dev !== null && url.origin === dev.origin;
  }

  return {
    isTrustedSender(frameUrl) {
      const url = parse(frameUrl);
      return url !== null && isAppUrl(url);
    },
    navigationPolicy(url) {
      const parsed = parse(url);
      return parsed !== null && isAppUrl(parsed) ? 'allow' : 'deny';
    },
    isAllowedRequest(url) {
      const parsed = parse(url);
      if (parsed === null) return false;
      if (isAppUrl(parsed) || LOCAL_PROTOCOLS.has(parsed.protocol)) return true;
      if (allowDevTools && parsed.protocol === 'devtools:') return true;
      // Vite's hot-module-reload socket lives on the dev server's host and port.
      return (
        dev !== null && (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') && parsed.host === dev.host
      );
    },
  };
}
