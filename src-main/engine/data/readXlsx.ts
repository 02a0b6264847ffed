import { unzipSync } from 'fflate';
import { UserFacingError } from '../errors';
import { type RawTable, arrayColumn, columnLetters } from './rawTable';
import { NS, attributes, decodeEntities, stringItemText } from './xmlText';

/** An XLSX sheet as raw cells, with the workbook's sheet list. */
export interface XlsxTable extends RawTable {
  readonly sheet: string;
  readonly sheets: string[];
  /** Cells holding an Excel error (#DIV/0!, #REF!, …), read as missing. */
  readonly errorCells: number;
}

/** Refuse parts that would inflate past this (a damaged file or a ZIP bomb), before inflating them. */
const MAX_PART_BYTES = 1024 * 1024 * 1024;

interface SheetEntry {
  readonly name: string;
  readonly path: string | null;
  readonly hidden: boolean;
}

function damaged(fileName: string, why: string): UserFacingError {
  return new UserFacingError(`${fileName} could not be read as an Excel workbook: ${why}.`, {
    file: fileName,
    code: 'bad-xlsx',
  });
}

function unzipParts(
  bytes: Uint8Array,
  fileName: string,
  wanted: (name: string) => boolean,
): Map<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw damaged(fileName, `the part ${file.name} is too large`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw damaged(fileName, 'the ZIP data is damaged or incomplete');
  }
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolvePart(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseFolder + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function relationships(xml: string | undefined): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  if (!xml) return rels;
  const tag = new RegExp(`<${NS}Relationship\\b([^>]*)>`, 'g');
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const a = attributes(m[1]);
    const id = a.get('Id');
    if (id) rels.set(id, { target: a.get('Target') ?? '', type: a.get('Type') ?? '' });
  }
  return rels;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  return `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  const item = new RegExp(`<${NS}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}si>)`, 'g');
  for (let m = item.exec(xml); m; m = item.exec(xml)) strings.push(m[1] ? stringItemText(m[1]) : '');
  return strings;
}

/** 'B3' → { col: 1, row: 3 }; null when the reference is malformed. */
function parseReference(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1) return null;
  return { col: col - 1, row };
}

/** Text of a cell as it would appear in a CSV export; numbers keep their stored digits. */
function cellText(type: string | undefined, body: string, strings: readonly string[]): string | null {
  if (type === 'inlineStr') {
    const is = new RegExp(`<${NS}is\\b[^>]*>([\\s\\S]*?)</${NS}is>`).exec(body);
    return is ? stringItemText(is[1]) : '';
  }
  const v = new RegExp(`<${NS}v\\b[^>]*>([\\s\\S]*?)</${NS}v>`).exec(body);
  if (!v) return '';
  const raw = v[1];
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return null;
    case 'str':
    case 'd':
      return decodeEntities(raw);
    default:
      return raw.trim();
  }
}

/**
 * Reads one worksheet of an .xlsx workbook (first visible sheet unless `sheet` names
 * one) into raw cells. The first row with any value is the header; fully blank rows
 * are skipped; gaps in cell references become empty cells. Dates come back as Excel
 * serial day numbers (as stored; cell formats are not applied), booleans as TRUE/FALSE,
 * error cells (#DIV/0!, #N/A, …) as empty. Errors name the file and, for a missing
 * sheet, the sheets that exist.
 */
export function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly sheet?: string } = {},
): XlsxTable {
  const meta = unzipParts(
    bytes,
    fileName,
    (name) =>
      name.endsWith('.rels') || /(^|\/)(workbook|sharedStrings)\.xml$/.test(name) || name === 'content.xml',
  );
  const rootRels = relationships(meta.get('_rels/.rels'));
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const workbook = meta.get(workbookPath);
  if (workbook === undefined) {
    if (meta.has('content.xml')) {
      throw new UserFacingError(
        `${fileName} is an OpenDocument spreadsheet (.ods), not an Excel workbook. Save it as .xlsx or CSV.`,
        { file: fileName, code: 'bad-xlsx' },
      );
    }
    throw damaged(fileName, 'it is a ZIP archive without an Excel workbook inside');
  }
  const workbookRels = relationships(meta.get(relsPathOf(workbookPath)));

  const sheets: SheetEntry[] = [];
  const sheetTag = new RegExp(`<${NS}sheet\\b([^>]*)>`, 'g');
  for (let m = sheetTag.exec(workbook); m; m = sheetTag.exec(workbook)) {
    const a = attributes(m[1]);
    const rel = workbookRels.get(a.get('r:id') ?? a.get('id') ?? '');
    const isWorksheet = rel !== undefined && rel.type.endsWith('/worksheet');
    sheets.push({
      name: a.get('name') ?? `Sheet${sheets.length + 1}`,
      path: isWorksheet ? resolvePart(folderOf(workbookPath), rel.target) : null,
      hidden: (a.get('state') ?? 'visible') !== 'visible',
    });
  }
  const names = sheets.map((s) => s.name);
  if (sheets.length === 0) throw damaged(fileName, 'the workbook lists no sheets');

  let chosen: SheetEntry | undefined;
  if (options.sheet !== undefined) {
    chosen = sheets.find((s) => s.name === options.sheet);
    if (!chosen) {
      throw new UserFacingError(
        `${fileName} has no sheet named '${options.sheet}'. Its sheets are: ${names.map((n) => `'${n}'`).join(', ')}.`,
        { file: fileName, code: 'unknown-sheet' },
      );
    }
    if (!chosen.path) {
      throw new UserFacingError(
        `${fileName}: sheet '${chosen.name}' is a chart or macro sheet, not a table.`,
        {
          file: fileName,
          code: 'unknown-sheet',
        },
      );
    }
  } else {
    chosen = sheets.find((s) => s.path && !s.hidden) ?? sheets.find((s) => s.path);
    if (!chosen) throw damaged(fileName, 'the workbook has no worksheet');
  }
  const sheetPath = chosen.path as string;
  const sheetXml = unzipParts(bytes, fileName, (name) => name === sheetPath).get(sheetPath);
  if (sheetXml === undefined) throw damaged(fileName, `the part for sheet '${chosen.name}' is missing`);

  const strings = sharedStrings(meta.get(`${folderOf(workbookPath)}sharedStrings.xml`));
  const { table, errorCells } = sheetTable(sheetXml, strings, fileName, chosen.name);
  return { ...table, sheet: chosen.name, sheets: names, errorCells };
}

function sheetTable(
  xml: string,
  strings: readonly string[],
  fileName: string,
  sheetName: string,
): { table: RawTable; errorCells: number } {
  const token = new RegExp(`<${NS}row\\b([^>]*)>|<${NS}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}c>)`, 'g');
  const rows = new Map<number, string[]>();
  let row = 0;
  let col = -1;
  let errorCells = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[1] !== undefined) {
      const r = Number(attributes(m[1]).get('r'));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      col = -1;
      continue;
    }
    const a = attributes(m[2]);
    const ref = a.get('r');
    const at = ref ? parseReference(ref) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else {
      col++;
    }
    if (m[3] === undefined) continue;
    const text = cellText(a.get('t'), m[3], strings);
    if (text === null) {
      errorCells++;
      continue;
    }
    if (text.trim() === '') continue;
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = []));
    cells[col] = text;
  }

  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  if (rowNumbers.length === 0) {
    throw new UserFacingError(
      `${fileName}: sheet '${sheetName}' is empty: there is no header row and no data.`,
      {
        file: fileName,
        code: 'empty-file',
      },
    );
  }
  if (rowNumbers.length === 1) {
    throw new UserFacingError(`${fileName}: sheet '${sheetName}' has a header row but no data rows.`, {
      file: fileName,
      code: 'no-data-rows',
    });
  }
  let width = 0;
  for (const cells of rows.values()) width = Math.max(width, cells.length);
  if (width > 16384)
    throw damaged(fileName, `sheet '${sheetName}' reaches past column ${columnLetters(16383)}`);
  const headerCells = rows.get(rowNumbers[0]) as string[];
  const header = Array.from({ length: width }, (_, c) => headerCells[c] ?? '');
  const dataRows = rowNumbers.slice(1);
  const columns = header.map((_, c) => arrayColumn(dataRows.map((r) => (rows.get(r) as string[])[c] ?? '')));
  return { table: { header, columns, rowNumbers: Int32Array.from(dataRows) }, errorCells };
}
