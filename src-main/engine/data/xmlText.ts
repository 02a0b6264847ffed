/**
 * Just enough XML for SpreadsheetML parts: a linear scanner over elements of one
 * namespace prefix, attributes, entity decoding and text runs. No DOM in the engine,
 * and no regular expression that could backtrack across a whole (damaged) part.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

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

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * Character data of an element body: entities decoded, CDATA sections taken verbatim
 * (an unclosed section runs to the end). Other markup inside is kept as it stands.
 */
export function characterData(body: string): string {
  let at = body.indexOf(CDATA_OPEN);
  if (at === -1) return decodeEntities(body);
  let text = '';
  let pos = 0;
  while (at !== -1) {
    text += decodeEntities(body.slice(pos, at));
    const start = at + CDATA_OPEN.length;
    const end = body.indexOf(CDATA_CLOSE, start);
    if (end === -1) return text + body.slice(start);
    text += body.slice(start, end);
    pos = end + CDATA_CLOSE.length;
    at = body.indexOf(CDATA_OPEN, pos);
  }
  return text + decodeEntities(body.slice(pos));
}

/**
 * The namespace prefix of the root element ('' or e.g. 'x:'): writers such as the
 * OpenXML SDK prefix every SpreadsheetML element of a part with the same one.
 */
export function rootPrefix(xml: string): string {
  let i = xml.indexOf('<');
  while (i !== -1 && (xml.charCodeAt(i + 1) === 63 || xml.charCodeAt(i + 1) === 33))
    i = xml.indexOf('<', i + 1);
  if (i === -1) return '';
  let end = i + 1;
  while (end < xml.length && !/[\s/>]/.test(xml[end])) end++;
  const name = xml.slice(i + 1, end);
  const colon = name.indexOf(':');
  return colon === -1 ? '' : name.slice(0, colon + 1);
}

function isNameEnd(code: number): boolean {
  // whitespace, '/', '>'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

/** One element found by scanElements: its attribute text and its content (null when self-closing). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: string;
  readonly body: string | null;
}

/**
 * Calls `visit` for each element named one of `names` (with `prefix`), in document
 * order, skipping over their content; other tags are stepped over. Returns false
 * when an element is not closed (a damaged part). Linear in the size of the text.
 */
export function scanElements(
  xml: string,
  prefix: string,
  names: readonly string[],
  visit: (element: XmlElement) => void,
): boolean {
  const tags = names.map((name) => ({ name, open: `<${prefix}${name}`, close: `</${prefix}${name}>` }));
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) return true;
    let matched = false;
    for (const tag of tags) {
      if (!xml.startsWith(tag.open, lt) || !isNameEnd(xml.charCodeAt(lt + tag.open.length))) continue;
      matched = true;
      const gt = xml.indexOf('>', lt);
      if (gt === -1) return false;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const attributes = xml.slice(lt + tag.open.length, selfClosing ? gt - 1 : gt);
      if (selfClosing) {
        visit({ name: tag.name, attributes, body: null });
        pos = gt + 1;
      } else {
        const end = xml.indexOf(tag.close, gt + 1);
        if (end === -1) return false;
        visit({ name: tag.name, attributes, body: xml.slice(gt + 1, end) });
        pos = end + tag.close.length;
      }
      break;
    }
    if (!matched) pos = lt + 1;
  }
}

/** Text content of a string item (`<si>` or `<is>` content): all `<t>` runs, phonetic (`<rPh>`) runs excluded. */
export function stringItemText(xml: string, prefix: string): string {
  let text = '';
  // Fast path for the common `<t>plain</t>` item.
  const simple = `<${prefix}t>`;
  if (xml.startsWith(simple) && xml.indexOf('<', simple.length) === xml.length - simple.length - 1) {
    text = decodeEntities(xml.slice(simple.length, xml.length - simple.length - 1));
  } else {
    scanElements(xml, prefix, ['rPh', 't'], (element) => {
      if (element.name === 't' && element.body !== null) text += characterData(element.body);
    });
  }
  return text.indexOf('_x') === -1
    ? text
    : text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Attributes of a start tag's attribute text; a prefixed name is also stored without its prefix ('r:id' → 'id'). */
export function attributes(attrText: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrText); m; m = ATTRIBUTE.exec(attrText)) {
    const name = m[1];
    const local = name.slice(name.indexOf(':') + 1);
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    found.set(name, value);
    if (!found.has(local)) found.set(local, value);
  }
  return found;
}
