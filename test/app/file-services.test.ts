/** app/files.ts against a mocked electron: the dialogs get our filters and folder, the clipboard a PNG blob. */
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  saveCalls: [] as unknown[][],
  openCalls: [] as unknown[][],
  written: [] as unknown[],
  saveAnswer: { canceled: false, filePath: '/home/ana/Documents/chart.png' } as {
    canceled: boolean;
    filePath?: string;
  },
}));
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      electron.saveCalls.push(args);
      return electron.saveAnswer;
    },
    showOpenDialog: async (...args: unknown[]) => {
      electron.openCalls.push(args);
      return { canceled: false, filePaths: ['/home/ana/study.limelens'] };
    },
  },
  clipboard: { write: async (items: unknown[]) => void electron.written.push(...items) },
  ClipboardItem: class {
    constructor(readonly items: Record<string, Blob>) {}
  },
}));

const { createFileServices } = await import('../../src-main/app/files');

describe('app/files.ts', () => {
  const win = { id: 1 };
  const files = createFileServices(
    () => win as never,
    () => '/home/ana/Documents',
  );

  it('asks where to save in the documents folder with the kind’s filter; cancel is null', async () => {
    expect(await files.saveFile('Confusion matrix.png', 'png')).toBe('/home/ana/Documents/chart.png');
    expect(electron.saveCalls[0]).toEqual([
      win,
      {
        defaultPath: '/home/ana/Documents/Confusion matrix.png',
        filters: [{ name: 'PNG image', extensions: ['png'] }],
      },
    ]);
    await files.saveFile('study.limelens', 'project');
    expect((electron.saveCalls[1][1] as { filters: unknown }).filters).toEqual([
      { name: 'Lime Lens project', extensions: ['limelens'] },
    ]);
    electron.saveAnswer = { canceled: true };
    expect(await files.saveFile('x.csv', 'csv')).toBeNull();
  });

  it('opens projects with the .limelens filter and copies PNG bytes as an image/png blob', async () => {
    expect(await files.openProject()).toBe('/home/ana/study.limelens');
    expect(electron.openCalls[0][1]).toEqual({
      properties: ['openFile'],
      filters: [{ name: 'Lime Lens project', extensions: ['limelens'] }],
    });
    await files.copyImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const item = electron.written[0] as { items: Record<string, Blob> };
    expect(Object.keys(item.items)).toEqual(['image/png']);
    expect([...new Uint8Array(await item.items['image/png'].arrayBuffer())]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });
});
