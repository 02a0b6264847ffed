/** Global keyboard shortcuts, as a pure mapping from a key event to an action. */

export type ShortcutAction =
  | { readonly type: 'view'; readonly view: 'data' | 'model' | 'explain' | 'report' }
  | { readonly type: 'open' }
  | { readonly type: 'cancel' }
  | { readonly type: 'save-project'; readonly saveAs: boolean }
  | { readonly type: 'open-project' };

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function shortcutFor(e: KeyLike, isMac: boolean): ShortcutAction | null {
  const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (e.key === 'Escape' && !mod && !e.altKey) return { type: 'cancel' };
  // Save Project (Ctrl+S), Save Project As (Ctrl+Shift+S), Open Project (Ctrl+Shift+O).
  if (mod && !e.altKey && (e.key === 's' || e.key === 'S'))
    return { type: 'save-project', saveAs: e.shiftKey };
  if (mod && !e.altKey && e.shiftKey && (e.key === 'o' || e.key === 'O')) return { type: 'open-project' };
  if (!mod || e.altKey || e.shiftKey) return null;
  switch (e.key) {
    case '1':
      return { type: 'view', view: 'data' };
    case '2':
      return { type: 'view', view: 'model' };
    case '3':
      return { type: 'view', view: 'explain' };
    case '4':
      return { type: 'view', view: 'report' };
    case 'o':
    case 'O':
      return { type: 'open' };
    default:
      return null;
  }
}
