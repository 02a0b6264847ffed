/**
 * The application menu as plain data. app/menu.ts turns it into an Electron Menu:
 * `command` items send a 'menu:command' event to the renderer, `role` items are
 * Electron's built-ins, `action` items are handled in main.
 */
import { homedir } from 'node:os';
import type { MenuCommand, RecentFileDTO, SampleDTO } from '../contract/ipc';

export type MenuRole =
  | 'about'
  | 'quit'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'windowMenu';

/** Things main does itself, without the renderer. */
export type MenuAction = 'clear-recent';

export interface MenuItemSpec {
  readonly label?: string;
  readonly type?: 'separator';
  readonly role?: MenuRole;
  readonly accelerator?: string;
  readonly enabled?: boolean;
  readonly command?: MenuCommand;
  readonly action?: MenuAction;
  readonly submenu?: readonly MenuItemSpec[];
}

export type MenuLanguage = 'en' | 'ko';

const STRINGS = {
  en: {
    file: '&File',
    openDataset: 'Open Dataset…',
    openSample: 'Open Sample',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Files',
    clearRecent: 'Clear Recent Files',
    openProject: 'Open Project…',
    saveProject: 'Save Project',
    saveProjectAs: 'Save Project As…',
    saveViewPng: 'Save View as PNG…',
    quit: 'Quit',
    edit: '&Edit',
    view: '&View',
    data: 'Data',
    model: 'Model',
    explain: 'Explain',
    report: 'Report',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    system: 'Follow System',
    language: 'Language',
    help: '&Help',
    about: 'About Lime Lens',
    window: 'Window',
    samples: {} as Readonly<Record<string, string>>,
  },
  ko: {
    file: '파일(&F)',
    openDataset: '데이터 열기…',
    openSample: '예제 데이터 열기',
    openRecent: '최근 파일',
    noRecent: '최근 파일 없음',
    clearRecent: '최근 파일 목록 지우기',
    openProject: '프로젝트 열기…',
    saveProject: '프로젝트 저장',
    saveProjectAs: '다른 이름으로 프로젝트 저장…',
    saveViewPng: '화면을 PNG로 저장…',
    quit: '종료',
    edit: '편집(&E)',
    view: '보기(&V)',
    data: '데이터',
    model: '모델',
    explain: '설명',
    report: '보고서',
    theme: '테마',
    light: '밝게',
    dark: '어둡게',
    system: '시스템 설정 따르기',
    language: '언어',
    help: '도움말(&H)',
    about: 'Lime Lens 정보',
    window: '창',
    samples: {
      breast_cancer: '유방암 진단 (위스콘신)',
      iris: '붓꽃',
      diabetes: '당뇨병 진행',
    } as Readonly<Record<string, string>>,
  },
} as const;

/** Korean menus for a Korean OS locale ('ko', 'ko-KR'), English otherwise. */
export function menuLanguage(locale: string): MenuLanguage {
  return /^ko\b/i.test(locale) ? 'ko' : 'en';
}

export interface MenuInput {
  readonly platform: NodeJS.Platform;
  /** Development build: adds reload and DevTools. */
  readonly isDev: boolean;
  readonly language: MenuLanguage;
  readonly samples: readonly SampleDTO[];
  readonly recent: readonly RecentFileDTO[];
  /** For shortening paths under the home folder to `~` (defaults to the current user's). */
  readonly home?: string;
}

const separator: MenuItemSpec = { type: 'separator' };

/**
 * On Windows and Linux `&` marks the keyboard mnemonic of a menu title, so text that
 * is not ours (file names) has its own `&` doubled. macOS has no mnemonics: the
 * markers are dropped from our titles and other text is left as it is.
 */
function mnemonics(mac: boolean) {
  return {
    title: (label: string) => (mac ? label.replace(/\(&\w\)$/, '').replace('&', '') : label),
    literal: (label: string) => (mac ? label : label.replaceAll('&', '&&')),
  };
}

/** A recent file's menu label: its full path, with the home folder shortened to `~`. */
export function recentPathLabel(path: string, home: string): string {
  const underHome = home.length > 1 && path.startsWith(home) && /[\\/]/.test(path.charAt(home.length));
  return underHome ? `~${path.slice(home.length)}` : path;
}

export function buildMenuTemplate(input: MenuInput): MenuItemSpec[] {
  const t = STRINGS[input.language];
  const mac = input.platform === 'darwin';
  const { title, literal } = mnemonics(mac);
  const home = input.home ?? homedir();
  const about: MenuItemSpec = { label: t.about, command: { type: 'about' } };

  const recentItems: MenuItemSpec[] =
    input.recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : [
          ...input.recent.map((f) => ({
            label: literal(recentPathLabel(f.path, home)),
            command: { type: 'open-recent', path: f.path } as const,
          })),
          separator,
          { label: t.clearRecent, action: 'clear-recent' as const },
        ];

  const file: MenuItemSpec = {
    label: title(t.file),
    submenu: [
      { label: t.openDataset, accelerator: 'CmdOrCtrl+O', command: { type: 'open-dataset' } },
      {
        label: t.openSample,
        submenu: input.samples.map((s) => ({
          label: literal(t.samples[s.id] ?? s.title),
          command: { type: 'open-sample', sampleId: s.id } as const,
        })),
      },
      { label: t.openRecent, submenu: recentItems },
      separator,
      { label: t.openProject, accelerator: 'CmdOrCtrl+Shift+O', command: { type: 'open-project' } },
      { label: t.saveProject, accelerator: 'CmdOrCtrl+S', command: { type: 'save-project', saveAs: false } },
      {
        label: t.saveProjectAs,
        accelerator: 'CmdOrCtrl+Shift+S',
        command: { type: 'save-project', saveAs: true },
      },
      { label: t.saveViewPng, command: { type: 'save-view-png' } },
      // macOS has Quit in the application menu.
      ...(mac ? [] : [separator, { label: t.quit, role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };

  const edit: MenuItemSpec = {
    label: title(t.edit),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemSpec = {
    label: title(t.view),
    submenu: [
      { label: t.data, accelerator: 'CmdOrCtrl+1', command: { type: 'show-view', view: 'data' } },
      { label: t.model, accelerator: 'CmdOrCtrl+2', command: { type: 'show-view', view: 'model' } },
      { label: t.explain, accelerator: 'CmdOrCtrl+3', command: { type: 'show-view', view: 'explain' } },
      { label: t.report, accelerator: 'CmdOrCtrl+4', command: { type: 'show-view', view: 'report' } },
      separator,
      {
        label: t.theme,
        submenu: [
          { label: t.light, command: { type: 'set-theme', theme: 'light' } },
          { label: t.dark, command: { type: 'set-theme', theme: 'dark' } },
          { label: t.system, command: { type: 'set-theme', theme: 'system' } },
        ],
      },
      {
        label: t.language,
        submenu: [
          // Each language is named in itself, so a user who cannot read the current one finds theirs.
          { label: 'English', command: { type: 'set-language', language: 'en' } },
          { label: '한국어', command: { type: 'set-language', language: 'ko' } },
          { label: t.system, command: { type: 'set-language', language: 'system' } },
        ],
      },
      separator,
      ...(input.isDev
        ? [
            { role: 'reload' as const },
            { role: 'forceReload' as const },
            { role: 'toggleDevTools' as const },
            separator,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemSpec = { label: title(t.help), submenu: [about] };

  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemSpec = {
    label: 'Lime Lens',
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { label: t.window, role: 'windowMenu' }, help];
}
