/**
 * Paths main refuses to open whatever the platform: Windows UNC and device-namespace paths
 * (`\\host\share\x.csv` would make main open an SMB connection, sending the user's
 * credentials and bypassing the app's network block; `\\.\COM1`, `\\?\…` reach devices and
 * skip path normalisation) and Windows' reserved device names (`C:\data\CON.csv` is the console).
 * Purely lexical, so the same rule holds when the check runs on another OS than the path's.
 */

/** Two leading separators of either kind: `\\host\share`, `//host/share`, `\\?\C:\`, `\\.\PhysicalDrive0`. */
const UNC_OR_DEVICE = /^[\\/]{2}/;

/** CON, PRN, AUX, NUL, COM0–9, LPT0–9 (also with superscript digits), with or without an extension. */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.[^\\/]*)?$/i;

export function isNetworkOrDevicePath(path: string): boolean {
  if (UNC_OR_DEVICE.test(path)) return true;
  const name = path.split(/[\\/]/).pop() ?? '';
  // Windows ignores trailing dots and spaces, so `nul. ` is still the device.
  return RESERVED_NAME.test(name.replace(/[. ]+$/, ''));
}
