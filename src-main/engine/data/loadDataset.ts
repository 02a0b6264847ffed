import { UserFacingError } from '../errors';
import { decodeText } from './decodeText';
import { inferColumn } from './inferColumn';
import { allowsDecimalComma, parseDelimited } from './parseDelimited';
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
    throw new UserFacingError(`${fileName} is empty (0 bytes).`, { file: fileName, code: 'empty-file' });
  }
  const signature = sniffSignature(bytes);
  if (signature === 'ole') {
    throw new UserFacingError(
      `${fileName} is an old-style Excel file (.xls, Excel 97–2003) or a password-protected workbook. ` +
        'Save it as .xlsx (without a password) or as CSV and open that.',
      { file: fileName, code: 'unsupported-format' },
    );
  }

  let raw: RawTable;
  let source: SourceInfo;
  const warnings: string[] = [];
  if (signature === 'zip') {
    const table = readXlsx(bytes, fileName, options);
    raw = table;
    source = { fileName, format: 'xlsx', sheet: table.sheet, sheets: table.sheets };
    if (table.errorCells > 0) {
      warnings.push(
        `${table.errorCells} cell(s) holding an Excel error (#DIV/0!, #REF!, …) were read as missing.`,
      );
    }
  } else {
    const { text, encoding } = decodeText(bytes, fileName);
    const table = parseDelimited(text, fileName);
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
    const separator =
      source.format === 'csv' ? ' If the file uses another separator, check that it is consistent.' : '';
    warnings.push(`Only one column ('${table.header[0]}') was found.${separator}`);
  }
  if (source.format === 'csv') source = { ...source, decimalComma: usedDecimalComma };

  return {
    source,
    rowCount: table.rowNumbers.length,
    columns: columns.map((c) => c.summary),
    values: columns.map((c) => c.values),
    rowNumbers: table.rowNumbers,
    warnings,
  };
}
