/**
 * The `app://lime-lens/…` protocol that serves the built renderer. Only files under
 * the renderer folder are reachable; anything else (traversal, other hosts, symlinks
 * out of the folder) is a 404, and every response carries the app's CSP.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './senderPolicy';

/**
 * The meta tag's policy in src-renderer/index.html (no remote script, no eval, no network)
 * plus frame-ancestors, which browsers ignore in a meta tag and honour only as a header.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Maps an `app://lime-lens/<path>` URL to an absolute file path under `rendererRoot`,
 * or null when the URL is not ours or points outside the folder. `/` is index.html.
 * Purely lexical; serveAppRequest also resolves symlinks.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = resolve(rendererRoot);
  const candidate = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  return isInside(root, candidate) ? candidate : null;
}

export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** null for errors and HEAD requests. */
  readonly body: Uint8Array | null;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
} as const;

function status(code: number): AppResponse {
  return {
    status: code,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: null,
  };
}

/** Reads the file an `app://` request names (GET or HEAD), with content type and security headers. */
export async function serveAppRequest(
  rendererRoot: string,
  requestUrl: string,
  method = 'GET',
): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') return status(405);
  const candidate = resolveAppPath(rendererRoot, requestUrl);
  if (candidate === null) return status(404);
  try {
    // A symlink inside the folder must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(rendererRoot), realpath(candidate)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return status(404);
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
    return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(realFile) }, body };
  } catch {
    return status(404);
  }
}
