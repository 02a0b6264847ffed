/**
 * Session- and page-level lockdown. The app is offline by design and only ever shows
 * its own page, so every permission, popup, download, foreign navigation and
 * network request is refused; the rules themselves live in services/senderPolicy.ts.
 */
import type { Session, WebContents } from 'electron';
import type { SenderPolicy } from '../services/senderPolicy';

export function hardenSession(ses: Session, policy: SenderPolicy): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = policy.isAllowedRequest(details.url);
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents, policy: SenderPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open(${url})`);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (policy.navigationPolicy(event.url) === 'deny') {
      console.warn(`[security] blocked navigation to ${event.url}`);
      event.preventDefault();
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
