import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveAppPath,
  serveAppRequest,
} from '../../src-main/services/appProtocol';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'my file.css'), 'body{}');
  await writeFile(join(dir, 'secret.txt'), 'top secret');
  await writeFile(join(dir, 'renderer-evil.txt'), 'sibling');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://lime-lens paths to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://lime-lens/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://lime-lens')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://lime-lens/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, 'app://lime-lens/assets/my%20file.css')).toBe(
      join(root, 'assets', 'my file.css'),
    );
  });

  it('never resolves outside the folder: encoded traversal, sibling prefixes, other hosts, NUL, bad escapes', () => {
    for (const url of [
      'app://lime-lens/..%2fsecret.txt',
      'app://lime-lens/assets/..%2f..%2fsecret.txt',
      'app://lime-lens/%2e%2e%2fsecret.txt',
      // resolves to <dir>/renderer-evil.txt: shares the folder's name as a prefix, but is outside it
      'app://lime-lens/%2e%2e%2frenderer-evil.txt',
      'app://lime-lens/%00index.html',
      'app://lime-lens/%E0%A4%A',
      'app://other/index.html',
      'app://lime-lens.evil/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('keeps dot segments the URL parser already removed inside the folder', () => {
    // WHATWG parsing turns %2e%2e into "..", which cannot climb above the URL's root.
    expect(resolveAppPath(root, 'app://lime-lens/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://lime-lens/a/../../index.html')).toBe(join(root, 'index.html'));
    const backslash = resolveAppPath(root, 'app://lime-lens/..%5csecret.txt');
    // On POSIX a backslash is a file-name character; on Windows a separator, and then it is refused.
    expect(backslash === null || backslash.startsWith(join(root, '/'))).toBe(true);
  });
});

describe('serveAppRequest', () => {
  it('serves a file with its content type and the security headers', async () => {
    const res = await serveAppRequest(root, 'app://lime-lens/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body!)).toBe('console.log(1)');
    expect(res.headers).toEqual({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
  });

  it('answers 404 for traversal, missing files, folders and symlinks leading out of the folder', async () => {
    for (const url of [
      'app://lime-lens/..%2fsecret.txt',
      'app://lime-lens/missing.js',
      'app://lime-lens/assets',
      'app://lime-lens/assets/link.txt',
    ]) {
      const res = await serveAppRequest(root, url);
      expect(res.status, url).toBe(404);
      expect(res.body).toBeNull();
      expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('allows only GET and HEAD', async () => {
    expect((await serveAppRequest(root, 'app://lime-lens/', 'POST')).status).toBe(405);
    const head = await serveAppRequest(root, 'app://lime-lens/', 'HEAD');
    expect([head.status, head.body, head.headers['Content-Type']]).toEqual([
      200,
      null,
      'text/html; charset=utf-8',
    ]);
  });

  it('knows the types the built renderer uses', () => {
    expect(mimeTypeFor('a/b/index.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it("is src-renderer/index.html's meta policy plus frame-ancestors (which only a header can carry)", async () => {
    const html = await readFile(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(`${meta?.[1]}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no remote script, no eval and no network', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});
