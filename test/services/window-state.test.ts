import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  parseWindowState,
  saveWindowStateSync,
} from '../../src-main/services/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
/** A monitor to the right of the laptop, taller. */
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('keeps a window that fits on its display as it is', () => {
    const s = { x: 100, y: 50, width: 1200, height: 700, isMaximized: false };
    expect(clampToDisplays(s, [laptop, monitor])).toEqual(s);
  });

  it('keeps a window on the secondary display it was on', () => {
    const s = { x: 2000, y: 0, width: 1600, height: 1000, isMaximized: true };
    expect(clampToDisplays(s, [laptop, monitor])).toEqual(s);
  });

  it('centres on the primary display when the saved display is gone (monitor unplugged)', () => {
    const s = { x: 2000, y: 0, width: 1600, height: 1000, isMaximized: false };
    // 1600×1000 shrinks to the laptop's 1440×860 work area, at its origin.
    expect(clampToDisplays(s, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
      isMaximized: false,
    });
    const small = { x: 2000, y: 0, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(small, [laptop])).toEqual({
      x: 220,
      y: 80,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('treats a sliver under 100 px on a display as off-screen', () => {
    const s = { x: 1360, y: 100, width: 1000, height: 700, isMaximized: false };
    // 80 px overlap with the laptop only.
    expect(clampToDisplays(s, [laptop])).toEqual({
      x: 220,
      y: 80,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('pulls a partly off-screen window fully onto the display it overlaps most', () => {
    const s = { x: 1000, y: 400, width: 1000, height: 700, isMaximized: false };
    // 440 px on the laptop, 560 px on the monitor → the monitor; y stays, x moves to the monitor's left edge.
    expect(clampToDisplays(s, [laptop, monitor])).toEqual({
      x: 1440,
      y: 400,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
    const low = { x: 100, y: 500, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(low, [laptop])).toEqual({
      x: 100,
      y: 160,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('enforces the minimum size and centres a first-run window without a position', () => {
    expect(clampToDisplays({ x: 10, y: 10, width: 200, height: 100, isMaximized: false }, [laptop])).toEqual({
      x: 10,
      y: 10,
      width: 900,
      height: 600,
      isMaximized: false,
    });
    expect(clampToDisplays(undefined, [laptop])).toEqual({
      x: 80,
      y: 30,
      width: 1280,
      height: 800,
      isMaximized: false,
    });
  });

  it('returns the state unchanged when no display is known', () => {
    expect(clampToDisplays(undefined, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lime-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips through an atomic write', async () => {
    const file = join(dir, 'window-state.json');
    saveWindowStateSync(file, { x: -1200, y: 40, width: 1100, height: 720, isMaximized: true });
    expect(await loadWindowState(file)).toEqual({
      x: -1200,
      y: 40,
      width: 1100,
      height: 720,
      isMaximized: true,
    });
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('a second save replaces the first and creates missing folders', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    saveWindowStateSync(file, { width: 1000, height: 700, isMaximized: false });
    saveWindowStateSync(file, { x: 5, y: 6, width: 1001, height: 701, isMaximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 5, y: 6, width: 1001, height: 701, isMaximized: true });
    expect(await readdir(join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('treats a missing or corrupt file as no saved state', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toBeUndefined();
    await writeFile(join(dir, 'bad.json'), '{"width": 1000, "hei');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeUndefined();
  });

  it('parses only finite positive sizes; a position needs both x and y', () => {
    expect(parseWindowState({ width: 1000, height: 700 })).toEqual({
      width: 1000,
      height: 700,
      isMaximized: false,
    });
    expect(parseWindowState({ x: 5.4, width: 1000.6, height: 700, isMaximized: 'yes' })).toEqual({
      width: 1001,
      height: 700,
      isMaximized: false,
    });
    expect(parseWindowState({ width: -1, height: 700 })).toBeUndefined();
    expect(parseWindowState({ width: 'big', height: 700 })).toBeUndefined();
    expect(parseWindowState({ width: Number.NaN, height: 700 })).toBeUndefined();
    expect(parseWindowState(null)).toBeUndefined();
  });
});
