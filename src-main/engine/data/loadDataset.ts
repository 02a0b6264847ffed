import type { MessageDTO } from '../../contract/messages';
import { engineMessage, UserFacingError } from '../errors';
import { utf8Text } from './decodeText';
import { inferColumn } from './inferColumn';
import { allowsDecimalComma, parseDelimitedBytes } from './parseDelimited';
import type { RawTable } from './rawTable';
import { readXlsx } from './readXlsx';
import { sniffSignature } from './sniffFormat';
import type { Dataset, SourceInfo } from './types';
import { validateHeader } from './validateHeader';

/**
 * Reads a table from the bytes of a file: .xlsx (recognised by its ZIP signature,
 * whatever the extension) or delimited text (encoding and separator detected). Types
 * every column and counts missing cells (see inferColumn). Numbers with a decimal
 * comma are accepted when the separator is ';' or a tab. `sheet` picks an XLSX sheet (the first
 * visible one by default). Bad input throws a UserFacingError naming the file and,
 * where it applies, the row and column.
 */
export function loadDataset(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly sheet?: string } = {},
): Dataset {
  if (bytes.length === 0) {
    throw UserFacingError.of('empty-file', { file: fileName }, { file: fileName });
  }
  const signature = sniffSignature(bytes);
  if (signature === 'ole') {
    throw UserFacingError.of('unsupported-format', { file: fileName }, { file: fileName });
  }

  let raw: RawTable;
  let source: SourceInfo;
  const warnings: MessageDTO[] = [];
  if (signature === 'zip') {
    const table = readXlsx(bytes, fileName, options);
    raw = table;
    source = { fileName, format: 'xlsx', sheet: table.sheet, sheets: table.sheets };
    if (table.errorCells > 0) {
      warnings.push(engineMessage('excel-error-cells', { count: table.errorCells }));
    }
  } else {
    // Read as UTF-8 bytes, not a string of the whole file: only the cells that are not numbers are ever decoded.
    const { bytes: utf8, encoding } = utf8Text(bytes, fileName);
    const table = parseDelimitedBytes(utf8, fileName);
    raw = table;
    source = { fileName, format: 'csv', encoding, delimiter: table.delimiter };
  }

  const { table, notes } = validateHeader(raw, fileName);
  warnings.push(...notes);
  const decimalComma = source.delimiter !== undefined && allowsDecimalComma(source.delimiter);
  let usedDecimalComma = false;
  const columns = table.header.map((name, c) => {
    const inferred = inferColumn(name, table.columns[c], { decimalComma, rowNumbers: table.rowNumbers });
    if (inferred.usedDecimalComma) usedDecimalComma = true;
    if (inferred.warning) warnings.push(inferred.warning);
    return inferred;
  });
  if (columns.length === 1) {
    const code = source.format === 'csv' ? 'one-column-csv' : 'one-column';
    warnings.push(engineMessage(code, { column: table.header[0] }));
  }
  if (source.format === 'csv') source = { ...source, decimalComma: usedDecimalComma };
  const idTexts = columns.some((c) => c.texts) ? columns.map((c) => c.texts) : undefined;

  return {
    source,
    rowCount: table.rowNumbers.length,
    columns: columns.map((c) => c.summary),
    values: columns.map((c) => c.values),
    rowNumbers: table.rowNumbers,
    warnings: warnings.map((w) => w.message),
    messages: warnings,
    ...(idTexts && { idTexts }),
  };
}
