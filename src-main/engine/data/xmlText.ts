/**
 * Just enough XML for SpreadsheetML parts: attributes, entity decoding and text runs.
 * Regular expressions over well-formed machine-written XML; no DOM in the engine.
 */

/** An optional namespace prefix, since some writers emit `<x:c>` instead of `<c>`. */
export const NS = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(
    ENTITY,
    (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name];
      const code = hex ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

/** Text content of a string item (`<si>` or `<is>`): all `<t>` runs, phonetic runs excluded. */
export function stringItemText(xml: string): string {
  const body =
    xml.indexOf('rPh') === -1 ? xml : xml.replace(new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g'), '');
  let text = '';
  const run = new RegExp(`<${NS}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}t>)`, 'g');
  for (let m = run.exec(body); m; m = run.exec(body)) text += m[1] ?? '';
  text = decodeEntities(text);
  return text.indexOf('_x') === -1
    ? text
    : text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Attributes of a start tag's attribute text, names without namespace prefix ('r:id' → 'id'). */
export function attributes(attrText: string): Map<string, string> {
  const found = new Map<string, string>();
  const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = attr.exec(attrText); m; m = attr.exec(attrText)) {
    const name = m[1];
    const local = name.slice(name.indexOf(':') + 1);
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    found.set(name, value);
    if (!found.has(local)) found.set(local, value);
  }
  return found;
}
