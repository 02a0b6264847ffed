import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from '../../src-renderer/src/lib/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('switches views with Ctrl+1/2/3 and opens with Ctrl+O off macOS', () => {
    expect(shortcutFor(key('1', { ctrlKey: true }), false)).toEqual({ type: 'view', view: 'data' });
    expect(shortcutFor(key('2', { ctrlKey: true }), false)).toEqual({ type: 'view', view: 'model' });
    expect(shortcutFor(key('3', { ctrlKey: true }), false)).toEqual({ type: 'view', view: 'explain' });
    expect(shortcutFor(key('o', { ctrlKey: true }), false)).toEqual({ type: 'open' });
    expect(shortcutFor(key('O', { ctrlKey: true }), false)).toEqual({ type: 'open' });
  });

  it('uses Cmd instead of Ctrl on macOS', () => {
    expect(shortcutFor(key('1', { metaKey: true }), true)).toEqual({ type: 'view', view: 'data' });
    expect(shortcutFor(key('1', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('1', { metaKey: true }), false)).toBeNull();
  });

  it('saves (Ctrl+S), saves as (Ctrl+Shift+S) and opens projects (Ctrl+Shift+O); Cmd on macOS', () => {
    expect(shortcutFor(key('s', { ctrlKey: true }), false)).toEqual({ type: 'save-project', saveAs: false });
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      type: 'save-project',
      saveAs: true,
    });
    expect(shortcutFor(key('O', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'open-project' });
    expect(shortcutFor(key('s', { metaKey: true }), true)).toEqual({ type: 'save-project', saveAs: false });
    expect(shortcutFor(key('s', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('s'), false)).toBeNull();
  });

  it('maps Escape to cancel and ignores plain keys and extra modifiers', () => {
    expect(shortcutFor(key('Escape'), false)).toEqual({ type: 'cancel' });
    expect(shortcutFor(key('1'), false)).toBeNull();
    expect(shortcutFor(key('1', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutFor(key('4', { ctrlKey: true }), false)).toEqual({ type: 'view', view: 'report' });
    expect(shortcutFor(key('5', { ctrlKey: true }), false)).toBeNull();
  });
});
