// What the page can and cannot do. Electron's own guards (sandbox, window-open handler,
// permission handlers) are unit-tested in test/app and test/services; here the page itself
// is probed: no Node, only the curated API, CSP in force, untrusted frames refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../src-main/contract/ipc';
import { launchHarness, ORIGIN, type Harness } from './harness/harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
  await h.page.getByTestId('welcome').waitFor();
});
afterAll(() => h.close());

describe('renderer security', () => {
  it('has no Node globals and only the curated, frozen API on window', async () => {
    const probe = await h.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      electron: typeof (window as unknown as { electron?: unknown }).electron,
      apiKeys: Object.keys(window.limeLens).sort(),
      frozen: Object.isFrozen(window.limeLens),
    }));
    expect(probe).toMatchObject({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      frozen: true,
    });
    expect(probe.apiKeys).toEqual(
      [
        'appInfo',
        'cancelJob',
        'correlation',
        'explain',
        'featureDistribution',
        'listSamples',
        'on',
        'openDatasetDialog',
        'openDatasetPath',
        'openSample',
        'pathForFile',
        'recentFiles',
        'rows',
        'train',
        'explainMany',
        'savePng',
        'copyPng',
        'saveData',
        'saveProject',
        'openProject',
        'stability',
        'explainCase',
        'predictCase',
        'shapSummary',
        'spLime',
        'buildReport',
        'saveReport',
        'permutationImportance',
      ].sort(),
    );
    expect(INVOKE_CHANNELS).toHaveLength(27);
  });

  it('the CSP forbids inline script, string eval, remote scripts and network requests', async () => {
    // (DevTools-evaluated code is exempt from CSP, so the probes are things the page itself runs.)
    const result = await h.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      // String eval through a timer: blocked without 'unsafe-eval'.
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
      const remote = document.createElement('script');
      remote.src = 'https://example.org/x.js';
      const remoteResult = await new Promise<string>((resolve) => {
        remote.onload = () => resolve('loaded');
        remote.onerror = () => resolve('blocked');
        document.head.append(remote);
      });
      let fetchResult = 'allowed';
      try {
        await fetch('https://example.org/');
      } catch (e) {
        fetchResult = (e as Error).name;
      }
      await new Promise((r) => setTimeout(r, 100));
      const w = window as unknown as Record<string, unknown>;
      return {
        inline: w.__inlineRan ?? false,
        evalRan: w.__evalRan ?? false,
        remoteResult,
        fetchResult,
        violations,
      };
    });
    expect(result).toMatchObject({
      inline: false,
      evalRan: false,
      remoteResult: 'blocked',
      fetchResult: 'TypeError',
    });
    expect(new Set(result.violations)).toEqual(new Set(['script-src-elem', 'script-src', 'connect-src']));
    // CSP stopped them inside the page: nothing even reached the network layer.
    expect(h.blockedRequests).toEqual([]);
  });

  it('navigation away and window.open never reach the network', async () => {
    // Electron cancels these in will-navigate / setWindowOpenHandler (unit-tested in test/app);
    // plain Chromium shows an error page instead, so here we check the request never left.
    const popups: string[] = [];
    h.context.on('page', (p) => {
      popups.push(p.url());
      void p.close();
    });
    await h.page.evaluate(() => window.open('https://example.org/popup'));
    await h.page.evaluate(() => {
      window.location.href = 'https://example.org/phish';
    });
    await expect.poll(() => h.blockedRequests).toContain('https://example.org/phish');
    await expect.poll(() => h.blockedRequests).toContain('https://example.org/popup');
    // Under load the aborted navigation can still be in flight here, and then waitForURL rejects
    // with the abort itself (net::ERR_BLOCKED_BY_CLIENT) instead of waiting for the error page.
    await h.page
      .waitForURL((url) => !url.href.startsWith(ORIGIN))
      .catch((e: Error) => {
        if (!e.message.includes('ERR_BLOCKED_BY_CLIENT')) throw e;
      });
    expect(h.page.url()).not.toContain('example.org');
    // The blocked navigation may still commit Chromium's error page after this point and interrupt
    // the way back; go back until a navigation is not interrupted (at most a few tries).
    for (let attempt = 0; ; attempt++) {
      try {
        await h.page.goto(`${ORIGIN}/index.html`);
        break;
      } catch (e) {
        // 'interrupted by another navigation' or net::ERR_ABORTED, both from the error page landing late.
        if (attempt >= 4) throw e;
        await h.page.waitForTimeout(250);
      }
    }
    await h.page.getByTestId('welcome').waitFor();
  });

  it('refuses requests from an iframe, even one on our own page', async () => {
    await h.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>embedded</p>';
      document.body.append(frame);
    });
    await expect.poll(() => h.page.frames().length).toBe(2);
    const child = h.page.frames()[1];
    await child.waitForLoadState();
    const answer = await child.evaluate(async () => {
      try {
        await (
          window as unknown as { __limeLensInvoke(c: string, a: unknown): Promise<unknown> }
        ).__limeLensInvoke('dataset:samples', null);
        return 'answered';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(answer).toMatch(/did not come from Lime Lens's own page/);
  });

  it("validates arguments in main before any work: an oversized request comes back as the user's error", async () => {
    const outcome = await h.page.evaluate(() =>
      window.limeLens.rows({ datasetId: 'ds-1', offset: 0, limit: 1e9 }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'user' } });
    const bad = await h.page.evaluate(() => window.limeLens.openDatasetPath('relative/path.csv'));
    expect(bad).toMatchObject({ ok: false, error: { kind: 'user' } });
  });
});
