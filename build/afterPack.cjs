/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed executable,
 * before electron-builder signs it, so the shipped binary cannot be used as a plain
 * Node runtime, ignores NODE_OPTIONS and --inspect, and loads only its own checked
 * app.asar. https://www.electronjs.org/docs/latest/tutorial/fuses
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook, as electron-builder's docs show */

const path = require('node:path');

/** The fuse settings, keyed by @electron/fuses' FuseV1Options. */
function fuseSettings(FuseV1Options) {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    // The app serves itself over app://; file:// pages need no extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Path of the Electron binary electron-builder just packed (same rule as its own fuse step). */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

/** `loadFuses` is injectable so a test can check the settings without an Electron binary. */
function createAfterPack(loadFuses = () => require('@electron/fuses')) {
  return async function afterPack(context) {
    const { flipFuses, FuseVersion, FuseV1Options } = loadFuses();
    await flipFuses(executablePath(context), {
      version: FuseVersion.V1,
      // Flipping fuses invalidates macOS's ad-hoc signature; arm64 Macs refuse to run such a binary.
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
      ...fuseSettings(FuseV1Options),
    });
  };
}

const afterPack = createAfterPack();
module.exports = afterPack;
module.exports.default = afterPack;
module.exports.createAfterPack = createAfterPack;
module.exports.executablePath = executablePath;
