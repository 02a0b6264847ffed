import { describe, expect, it } from 'vitest';
import type { MenuCommand, RecentFileDTO } from '../../src-main/contract/ipc';
import type { MenuItemSpec } from '../../src-main/services/menuTemplate';
import { buildMenuTemplate, menuLanguage, recentPathLabel } from '../../src-main/services/menuTemplate';
import { SAMPLES } from '../../src-main/services/samples';

const recent: RecentFileDTO[] = [
  { path: '/home/ana/data/R&D cases.csv', fileName: 'R&D cases.csv', openedAt: '2026-01-01T00:00:00Z' },
  { path: '/srv/shared/iris.xlsx', fileName: 'iris.xlsx', openedAt: '2025-12-01T00:00:00Z' },
];

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  return buildMenuTemplate({
    platform: 'linux',
    isDev: false,
    language: 'en',
    samples: SAMPLES,
    recent,
    home: '/home/ana',
    ...overrides,
  });
}

function find(items: readonly MenuItemSpec[], ...labels: string[]): MenuItemSpec {
  let current: MenuItemSpec | undefined;
  let level = items;
  for (const label of labels) {
    current = level.find((i) => i.label === label);
    if (!current) throw new Error(`no menu item ${labels.join(' ▸ ')}`);
    level = current.submenu ?? [];
  }
  return current!;
}

/** [label, accelerator, command] of each non-separator item. */
function rows(item: MenuItemSpec) {
  return (item.submenu ?? [])
    .filter((i) => i.type !== 'separator')
    .map((i) => [i.label ?? i.role, i.accelerator ?? null, i.command ?? i.action ?? null]);
}

function roles(items: readonly MenuItemSpec[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
}

describe('application menu (English, Linux/Windows)', () => {
  const menu = build();

  it('has File, Edit, View and Help', () => {
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File: Open dataset (Ctrl/Cmd+O), samples, recent files, projects, view PNG, Quit', () => {
    const file = find(menu, '&File');
    expect(rows(file)).toEqual([
      ['Open Dataset…', 'CmdOrCtrl+O', { type: 'open-dataset' }],
      ['Open Sample', null, null],
      ['Open Recent', null, null],
      ['Open Project…', 'CmdOrCtrl+Shift+O', { type: 'open-project' }],
      ['Save Project', 'CmdOrCtrl+S', { type: 'save-project', saveAs: false }],
      ['Save Project As…', 'CmdOrCtrl+Shift+S', { type: 'save-project', saveAs: true }],
      ['Save View as PNG…', null, { type: 'save-view-png' }],
      ['Quit', 'CmdOrCtrl+Q', null],
    ]);
    expect(find(menu, '&File', 'Quit').role).toBe('quit');
    expect(rows(find(menu, '&File', 'Open Sample'))).toEqual([
      ['Breast cancer (Wisconsin diagnostic)', null, { type: 'open-sample', sampleId: 'breast_cancer' }],
      ['Iris flowers', null, { type: 'open-sample', sampleId: 'iris' }],
      ['Diabetes progression', null, { type: 'open-sample', sampleId: 'diabetes' }],
    ]);
  });

  it('Open Recent: newest first, home shortened to ~, & escaped, then Clear', () => {
    expect(rows(find(menu, '&File', 'Open Recent'))).toEqual([
      ['~/data/R&&D cases.csv', null, { type: 'open-recent', path: '/home/ana/data/R&D cases.csv' }],
      ['/srv/shared/iris.xlsx', null, { type: 'open-recent', path: '/srv/shared/iris.xlsx' }],
      ['Clear Recent Files', null, 'clear-recent'],
    ]);
    const empty = build({ recent: [] });
    expect(find(empty, '&File', 'Open Recent').submenu).toEqual([
      { label: 'No Recent Files', enabled: false },
    ]);
  });

  it('View: Data/Model/Explain/Report on Ctrl/Cmd+1/2/3/4, theme and language choices, zoom', () => {
    const view = find(menu, '&View');
    expect(rows(view)).toEqual([
      ['Data', 'CmdOrCtrl+1', { type: 'show-view', view: 'data' }],
      ['Model', 'CmdOrCtrl+2', { type: 'show-view', view: 'model' }],
      ['Explain', 'CmdOrCtrl+3', { type: 'show-view', view: 'explain' }],
      ['Report', 'CmdOrCtrl+4', { type: 'show-view', view: 'report' }],
      ['Theme', null, null],
      ['Language', null, null],
      ['resetZoom', null, null],
      ['zoomIn', null, null],
      ['zoomOut', null, null],
      ['togglefullscreen', null, null],
    ]);
    expect(find(view.submenu!, 'Theme').submenu!.map((i) => i.command)).toEqual<MenuCommand[]>([
      { type: 'set-theme', theme: 'light' },
      { type: 'set-theme', theme: 'dark' },
      { type: 'set-theme', theme: 'system' },
    ]);
    expect(rows(find(view.submenu!, 'Language'))).toEqual([
      ['English', null, { type: 'set-language', language: 'en' }],
      ['한국어', null, { type: 'set-language', language: 'ko' }],
      ['Follow System', null, { type: 'set-language', language: 'system' }],
    ]);
  });

  it('reload and DevTools exist only in development', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    for (const role of devOnly) expect(roles(menu)).not.toContain(role);
    for (const role of devOnly) expect(roles(build({ isDev: true }))).toContain(role);
  });

  it('Help ▸ About sends the about command', () => {
    expect(rows(find(menu, '&Help'))).toEqual([['About Lime Lens', null, { type: 'about' }]]);
  });
});

describe('application menu variants', () => {
  it('Korean labels for a Korean OS locale, with the same commands and accelerators', () => {
    expect(menuLanguage('ko-KR')).toBe('ko');
    expect(menuLanguage('ko')).toBe('ko');
    expect(menuLanguage('en-US')).toBe('en');
    expect(menuLanguage('kok-IN')).toBe('en');
    const ko = build({ language: 'ko' });
    expect(ko.map((m) => m.label)).toEqual(['파일(&F)', '편집(&E)', '보기(&V)', '도움말(&H)']);
    expect(rows(find(ko, '파일(&F)'))[0]).toEqual(['데이터 열기…', 'CmdOrCtrl+O', { type: 'open-dataset' }]);
    expect(
      rows(find(ko, '보기(&V)'))
        .slice(0, 3)
        .map((r) => r[1]),
    ).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3']);
    expect(find(ko, '파일(&F)', '예제 데이터 열기').submenu![0].label).toBe('유방암 진단 (위스콘신)');
  });

  it('macOS: an application menu holds About and Quit, no mnemonics, a Window menu', () => {
    const mac = build({ platform: 'darwin' });
    expect(mac.map((m) => m.label)).toEqual(['Lime Lens', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(
      find(mac, 'Lime Lens')
        .submenu!.filter((i) => i.type !== 'separator')
        .map((i) => i.command ?? i.role),
    ).toEqual([{ type: 'about' }, 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(rows(find(mac, 'File')).map((r) => r[0])).toEqual([
      'Open Dataset…',
      'Open Sample',
      'Open Recent',
      'Open Project…',
      'Save Project',
      'Save Project As…',
      'Save View as PNG…',
    ]);
    expect(find(mac, 'File', 'Open Recent').submenu![0].label).toBe('~/data/R&D cases.csv');
    expect(build({ platform: 'darwin', language: 'ko' }).map((m) => m.label)).toEqual([
      'Lime Lens',
      '파일',
      '편집',
      '보기',
      '창',
      '도움말',
    ]);
  });

  it('shortens only paths inside the home folder', () => {
    expect(recentPathLabel('/home/ana/x.csv', '/home/ana')).toBe('~/x.csv');
    expect(recentPathLabel('/home/anabel/x.csv', '/home/ana')).toBe('/home/anabel/x.csv');
    expect(recentPathLabel('C:\\Users\\ana\\x.csv', 'C:\\Users\\ana')).toBe('~\\x.csv');
  });
});
