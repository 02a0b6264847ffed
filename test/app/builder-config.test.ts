/**
 * `npm run dist` cannot run here (no Electron binary), so this pins the packaging
 * config instead: loaded and schema-checked by electron-builder's own code, then its
 * targets, resources, icons and the fuse hook.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../src-main/services/samples';

const root = join(import.meta.dirname, '../..');
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);

function targets(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((t: unknown) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

async function pngSize(path: string): Promise<[number, number]> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packs only the built output into an asar', () => {
    expect(config.appId).toBe('io.limelens.app');
    expect(config.productName).toBe('Lime Lens');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(config.linux?.category).toBe('Science');
    expect(config.linux?.desktop?.entry?.Categories).toBe('Science;Education;');
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+>$/);
  });

  it('ships every bundled sample as an extra resource in resources/samples', async () => {
    expect(config.extraResources).toEqual([
      { from: 'assets/samples', to: 'samples', filter: ['*.csv', 'README.md'] },
    ]);
    for (const sample of SAMPLES) {
      expect(sample.fileName).toMatch(/\.csv$/);
      await expect(readFile(join(root, 'assets/samples', sample.fileName))).resolves.toBeInstanceOf(Buffer);
    }
  });

  it('uses a 512×512 PNG icon from assets/icons on every platform', async () => {
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toBe('assets/icons/icon.png');
    }
    expect(await pngSize(join(root, 'assets/icons/icon.png'))).toEqual([512, 512]);
    expect(await readFile(join(root, 'assets/icons/icon.svg'), 'utf8')).toContain('viewBox="0 0 512 512"');
  });

  it('is the config `npm run dist` builds with', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
    expect(config.afterPack).toBe('build/afterPack.cjs');
  });
});

describe('build/afterPack.cjs', () => {
  interface AfterPackModule {
    createAfterPack(loadFuses: () => unknown): (context: unknown) => Promise<void>;
  }
  const hook = createRequire(import.meta.url)(join(root, 'build/afterPack.cjs')) as AfterPackModule &
    ((context: unknown) => Promise<void>);

  async function flipsFor(electronPlatformName: string) {
    const calls: [string, Record<string, unknown>][] = [];
    const fakeFuses = {
      FuseV1Options,
      FuseVersion,
      flipFuses: async (path: string, settings: Record<string, unknown>) => {
        calls.push([path, settings]);
        return 0;
      },
    };
    await hook.createAfterPack(() => fakeFuses)({
      appOutDir: '/dist/linux-unpacked',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Lime Lens' }, executableName: 'lime-lens' },
    });
    expect(calls).toHaveLength(1);
    return calls[0];
  }

  it('is the default export electron-builder calls', () => {
    expect(typeof hook).toBe('function');
    expect((hook as unknown as { default: unknown }).default).toBe(hook);
  });

  it('flips exactly the seven fuses: no run-as-node, NODE_OPTIONS, --inspect or file:// privileges; asar integrity, asar only, cookie encryption', async () => {
    const [path, settings] = await flipsFor('linux');
    expect(path).toBe(join('/dist/linux-unpacked', 'lime-lens'));
    const { version, resetAdHocDarwinSignature, ...fuses } = settings;
    expect(version).toBe(FuseVersion.V1);
    expect(resetAdHocDarwinSignature).toBe(false);
    const byName = Object.fromEntries(
      Object.entries(fuses).map(([index, value]) => [FuseV1Options[Number(index)], value]),
    );
    expect(byName).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('finds the binary on macOS (re-signing ad hoc) and Windows', async () => {
    const [macPath, mac] = await flipsFor('darwin');
    expect(macPath).toBe(join('/dist/linux-unpacked', 'Lime Lens.app'));
    expect(mac.resetAdHocDarwinSignature).toBe(true);
    const [winPath] = await flipsFor('win32');
    expect(winPath).toBe(join('/dist/linux-unpacked', 'Lime Lens.exe'));
  });
});
