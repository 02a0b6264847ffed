/**
 * The files the renderer may ask main to open: only paths main has itself seen come from
 * the user — a native dialog's answer, a file on the command line or from the OS (file
 * association, second launch), a file dropped on the window (its path comes from the preload,
 * which reads it from the File object, never from the page), or the recent-files list main
 * keeps. A compromised page therefore cannot name `/etc/shadow` or a share and have main read it.
 */
import { resolve } from 'node:path';
import { samePath } from './recentFiles';

export interface OpenablePaths {
  /** Records a path main saw come from the user. */
  allow(path: string): void;
  /** True for a path recorded with allow(). */
  has(path: string): boolean;
}

/** What handlers beyond the base ones (projects) need to honour the same rule. */
export interface PathGate {
  readonly openable: OpenablePaths;
  /** True for a path main has seen: allowed here, or on the recent-files list. */
  mayOpen(path: string): Promise<boolean>;
}

export function createOpenablePaths(): OpenablePaths {
  const seen: string[] = [];
  return {
    allow(path) {
      const abs = resolve(path);
      if (!seen.some((p) => samePath(p, abs))) seen.push(abs);
    },
    has(path) {
      const abs = resolve(path);
      return seen.some((p) => samePath(p, abs));
    },
  };
}
