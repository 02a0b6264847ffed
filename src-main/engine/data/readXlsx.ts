import { UserFacingError } from '../errors';
import type { RawTable } from './rawTable';
import { dateStyles, usesDate1904 } from './excelDates';
import { readSheetXml } from './readSheetXml';
import { ZipArchive } from './zipArchive';
import { attributes, rootPrefix, scanElements, stringItemText } from './xmlText';

/** An XLSX sheet as raw cells, with the workbook's sheet list. */
export interface XlsxTable extends RawTable {
  readonly sheet: string;
  readonly sheets: string[];
  /** Cells holding an Excel error (#DIV/0!, #REF!, …), read as missing. */
  readonly errorCells: number;
}

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
  scanElements(xml, rootPrefix(xml), ['Relationship'], (element) => {
    const a = attributes(element.attributes);
    const id = a.get('Id');
    if (id) rels.set(id, { target: a.get('Target') ?? '', type: a.get('Type') ?? '' });
  });
  return rels;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  return `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

function sharedStrings(xml: string | undefined, fileName: string): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  const prefix = rootPrefix(xml);
  const complete = scanElements(xml, prefix, ['si'], (element) => {
    strings.push(element.body === null ? '' : stringItemText(element.body, prefix));
  });
  if (!complete) throw damaged(fileName, 'the shared strings part is cut short');
  return strings;
}

/**
 * Reads one worksheet of an .xlsx workbook (first visible sheet unless `sheet` names
 * one) into raw cells. The first row with any value is the header; fully blank rows
 * are skipped; gaps in cell references become empty cells. Numbers in a date-formatted cell
 * come back as ISO date text (`2024-03-05`; styles.xml read through the same budget, 1900 or
 * 1904 date system, see excelDates.ts), other formats are not applied; booleans as TRUE/FALSE,
 * error cells (#DIV/0!, #N/A, …) as empty. Errors name the file and, for a missing
 * sheet, the sheets that exist.
 */
export function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly sheet?: string } = {},
): XlsxTable {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, fileName);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw damaged(fileName, 'the ZIP data is damaged or incomplete');
  }
  // Only the parts needed for the chosen sheet are inflated, each counted against the budget.
  const rootRels = relationships(zip.readText('_rels/.rels'));
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
  const workbook = zip.readText(workbookPath);
  if (workbook === undefined) {
    if (zip.has('content.xml')) {
      throw new UserFacingError(
        `${fileName} is an OpenDocument spreadsheet (.ods), not an Excel workbook. Save it as .xlsx or CSV.`,
        { file: fileName, code: 'bad-xlsx' },
      );
    }
    throw damaged(fileName, 'it is a ZIP archive without an Excel workbook inside');
  }
  const workbookRels = relationships(zip.readText(relsPathOf(workbookPath)));

  const sheets: SheetEntry[] = [];
  scanElements(workbook, rootPrefix(workbook), ['sheet'], (element) => {
    const a = attributes(element.attributes);
    const rel = workbookRels.get(a.get('r:id') ?? a.get('id') ?? '');
    const isWorksheet = rel !== undefined && rel.type.endsWith('/worksheet');
    sheets.push({
      name: a.get('name') ?? `Sheet${sheets.length + 1}`,
      path: isWorksheet ? resolvePart(folderOf(workbookPath), rel.target) : null,
      hidden: (a.get('state') ?? 'visible') !== 'visible',
    });
  });
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
  const sheetXml = zip.readText(sheetPath);
  if (sheetXml === undefined) throw damaged(fileName, `the part for sheet '${chosen.name}' is missing`);

  const strings = sharedStrings(zip.readText(`${folderOf(workbookPath)}sharedStrings.xml`), fileName);
  const stylesRel = [...workbookRels.values()].find((r) => r.type.endsWith('/styles'));
  const stylesPath = resolvePart(folderOf(workbookPath), stylesRel ? stylesRel.target : 'styles.xml');
  const styles = dateStyles(zip.readText(stylesPath));
  const dates = styles && { styles, date1904: usesDate1904(workbook) };
  const { table, errorCells } = readSheetXml(sheetXml, strings, fileName, chosen.name, dates);
  return { ...table, sheet: chosen.name, sheets: names, errorCells };
}
