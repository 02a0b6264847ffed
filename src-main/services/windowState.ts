/**
 * The main window's size, position and maximized flag, remembered between runs and
 * put back on a display that still exists (a laptop undocked from its monitor must
 * not open the window off-screen).
 */
import { readJsonFile, writeFileAtomicSync } from './atomicFile';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** Absent: let the window be centred on the primary display. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/** How much of the window (px each way) must overlap a display for its saved position to be kept. */
const MIN_VISIBLE = 100;

/** The stored state when it is well formed, otherwise `undefined` (missing or corrupt file). */
export function parseWindowState(raw: unknown): WindowState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(r.width) || !finite(r.height) || r.width <= 0 || r.height <= 0) return undefined;
  const isMaximized = r.isMaximized === true;
  const size = { width: Math.round(r.width), height: Math.round(r.height), isMaximized };
  return finite(r.x) && finite(r.y) ? { x: Math.round(r.x), y: Math.round(r.y), ...size } : size;
}

export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  return parseWindowState(await readJsonFile(file));
}

/** Synchronous on purpose: it runs in the window's 'close' event, and the app may be quitting. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  writeFileAtomicSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Width and height of the overlap of two rectangles (≤ 0 when they do not overlap). */
function overlap(a: Rect, b: Rect): { readonly w: number; readonly h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centre(start: number, available: number, size: number): number {
  return start + Math.floor((available - size) / 2);
}

/**
 * Fits a saved state onto the current displays. `workAreas` are the displays' work
 * areas (screen minus task bars), primary first. The window keeps its display when at
 * least MIN_VISIBLE px of it overlap one, is shrunk to fit that display and moved fully
 * inside it; otherwise it is centred on the primary display.
 */
export function clampToDisplays(state: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const s = state ?? DEFAULT_WINDOW_STATE;
  const primary = workAreas[0];
  if (!primary) return s;

  let target: Rect | undefined;
  let best = 0;
  const { x: sx, y: sy } = s;
  if (sx !== undefined && sy !== undefined) {
    const bounds: Rect = { x: sx, y: sy, width: s.width, height: s.height };
    for (const area of workAreas) {
      const { w, h } = overlap(bounds, area);
      if (w >= MIN_VISIBLE && h >= MIN_VISIBLE && w * h > best) {
        best = w * h;
        target = area;
      }
    }
  }

  const area = target ?? primary;
  const width = Math.min(Math.max(s.width, MIN_WINDOW_SIZE.width), area.width);
  const height = Math.min(Math.max(s.height, MIN_WINDOW_SIZE.height), area.height);
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const x =
    target && sx !== undefined
      ? clamp(sx, area.x, area.x + area.width - width)
      : centre(area.x, area.width, width);
  const y =
    target && sy !== undefined
      ? clamp(sy, area.y, area.y + area.height - height)
      : centre(area.y, area.height, height);
  return { x, y, width, height, isMaximized: s.isMaximized };
}
