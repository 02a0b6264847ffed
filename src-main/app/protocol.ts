/**
 * Serves the built renderer from `app://lime-lens/`. Path resolution, headers and
 * the CSP are in services/appProtocol.ts (unit-tested); this file only adapts them.
 */
import { protocol } from 'electron';
import { serveAppRequest } from '../services/appProtocol';
import { APP_SCHEME } from '../services/senderPolicy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure: a real origin for 'self' in the CSP and for ES module scripts.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** After ready: answers app:// requests with files under `rendererRoot` only. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest(rendererRoot, request.url, request.method);
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
}
