import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  createSenderPolicy,
  rendererDevServerUrl,
} from '../../src-main/services/senderPolicy';

describe('sender policy in production (no dev server)', () => {
  const p = createSenderPolicy(undefined);

  it('trusts only app://lime-lens pages', () => {
    expect(APP_ENTRY_URL).toBe('app://lime-lens/index.html');
    expect(p.isTrustedSender('app://lime-lens/index.html')).toBe(true);
    expect(p.isTrustedSender('app://lime-lens/')).toBe(true);
    for (const url of [
      'app://lime-lens.evil/index.html',
      'app://other/index.html',
      'http://localhost:5173/',
      'file:///work/out/renderer/index.html',
      'https://lime-lens/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
      null,
      undefined,
    ]) {
      expect(p.isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('denies navigation anywhere but the app', () => {
    expect(p.navigationPolicy('app://lime-lens/index.html#explain')).toBe('allow');
    expect(p.navigationPolicy('https://example.com/')).toBe('deny');
    expect(p.navigationPolicy('file:///etc/passwd')).toBe('deny');
    expect(p.navigationPolicy('javascript:alert(1)')).toBe('deny');
  });

  it('lets requests through only to the app, data: and blob:', () => {
    for (const url of [
      'app://lime-lens/assets/index.js',
      'data:image/png;base64,AA',
      'blob:app://lime-lens/1-2',
    ]) {
      expect(p.isAllowedRequest(url), url).toBe(true);
    }
    for (const url of [
      'https://cdn.example/x.js',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/hosts',
      'ftp://x/',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(p.isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('devtools: requests', () => {
  it('are allowed only when the unpackaged app asks for them', () => {
    const url = 'devtools://devtools/bundled/inspector.html';
    expect(createSenderPolicy(undefined, { allowDevTools: true }).isAllowedRequest(url)).toBe(true);
    expect(createSenderPolicy('http://localhost:5173/', { allowDevTools: true }).isAllowedRequest(url)).toBe(
      true,
    );
    expect(createSenderPolicy('http://localhost:5173/').isAllowedRequest(url)).toBe(false);
    expect(createSenderPolicy(undefined, { allowDevTools: false }).isAllowedRequest(url)).toBe(false);
  });
});

describe('sender policy in development', () => {
  const p = createSenderPolicy('http://localhost:5173/');

  it('also trusts the dev server origin, and only that port', () => {
    expect(p.isTrustedSender('http://localhost:5173/')).toBe(true);
    expect(p.isTrustedSender('http://localhost:5173/src/main.ts')).toBe(true);
    expect(p.isTrustedSender('http://localhost:5174/')).toBe(false);
    expect(p.isTrustedSender('https://localhost:5173/')).toBe(false);
    expect(p.navigationPolicy('http://localhost:5173/')).toBe('allow');
    expect(p.navigationPolicy('http://127.0.0.1:5173/')).toBe('deny');
  });

  it("allows Vite's hot-reload socket on the same host and port", () => {
    expect(p.isAllowedRequest('ws://localhost:5173/?token=x')).toBe(true);
    expect(p.isAllowedRequest('ws://localhost:9999/')).toBe(false);
  });
});

describe('rendererDevServerUrl', () => {
  it('uses ELECTRON_RENDERER_URL only when unpackaged and on a loopback http(s) address', () => {
    expect(rendererDevServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/',
    );
    expect(rendererDevServerUrl(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })).toBe(
      'http://127.0.0.1:5173/',
    );
    expect(rendererDevServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined();
    expect(
      rendererDevServerUrl(false, { ELECTRON_RENDERER_URL: 'http://evil.example:5173' }),
    ).toBeUndefined();
    expect(rendererDevServerUrl(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBeUndefined();
    expect(rendererDevServerUrl(false, {})).toBeUndefined();
  });
});
