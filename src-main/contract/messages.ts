/**
 * Engine and worker messages in English, keyed by code: the one place their English text lives.
 * The CLI prints these; the renderer's English catalog includes them (en.ts) and the Korean
 * catalog must translate every key (ko.ts). A message travels as { code, params } (ErrorDTO,
 * dataset warnings) plus its English `message`, so a code the renderer does not know still
 * shows readable English. Placeholders are `{name}`; plain data, no imports.
 */
export const ENGINE_MESSAGES = {
  // reading files
  'engine.empty-file': '{file} is empty (0 bytes).',
  'engine.no-content': '{file} is empty: there is no header row and no data.',
  'engine.unsupported-format':
    '{file} is an old-style Excel file (.xls, Excel 97–2003) or a password-protected workbook. Save it as .xlsx (without a password) or as CSV and open that.',
  'engine.unterminated-quote':
    '{file}, line {line}: a quoted value starts here but its closing quote (") is missing.',
  'engine.ragged-row':
    '{file}, line {line}: expected {expected} fields (as in the header) but found {found}. Check for a {separator} inside a value that is not quoted, or a missing separator.',
  'engine.no-data-rows': '{file} has a header row but no data rows.',
  'engine.empty-header':
    '{file}: the header row has an empty column name in {where}. Give every column with values a name.',
  'engine.duplicate-header': '{file}: duplicate column name(s) {names}. Column names must be unique.',
  'engine.file-missing': 'Cannot read {file}: the file does not exist (was it moved or renamed?).',
  'engine.file-denied': 'Cannot read {file}: permission denied.',
  'engine.file-is-folder': 'Cannot read {file}: it is a folder, not a file.',
  'engine.file-locked':
    'Cannot read {file}: the file is locked by another program (close it in Excel and try again).',
  'engine.unreadable-file': 'Cannot read {file}: the system reported {reason}.',
  'engine.file-too-large':
    '{file} is too large ({size} MB); Lime Lens opens files up to {limit} MB. Use a sample of the rows or fewer columns.',
  // notes on reading
  'engine.ignored-empty-column': 'Ignored column {index} ({letters}): it has no header name and no values.',
  'engine.ignored-empty-columns':
    'Ignored {count} columns ({first}, … {last}): they have no header name and no values.',
  'engine.excel-error-cells':
    '{count} cell(s) holding an Excel error (#DIV/0!, #REF!, …) were read as missing.',
  'engine.one-column': "Only one column ('{column}') was found.",
  'engine.one-column-csv':
    "Only one column ('{column}') was found. If the file uses another separator, check that it is consistent.",
  'engine.non-finite-one':
    "Column '{column}': A value beyond the range of numbers (±1.8e308) was read as missing (first: '{value}' in row {row}).",
  'engine.non-finite-many':
    "Column '{column}': {count} values beyond the range of numbers (±1.8e308) were read as missing (first: '{value}' in row {row}).",
  'engine.column-read-as-text':
    "Column '{column}' is read as text because {count} of {present} values are not numbers (first: '{value}' in row {row}). Fix or empty those cells to use it as a number.",
  // model frame and training
  'engine.unknown-column': '{file} has no column named {names}. Its columns are: {available}.',
  'engine.unknown-id-column': "{file} has no column '{column}' to take case IDs from.",
  'engine.empty-target': "{file}: the target column '{column}' has no values.",
  'engine.one-class':
    "{file}: the target column '{column}' has only one class '{class}'; classification needs at least two.",
  'engine.too-many-classes':
    "{file}: the target column '{column}' has {count} different values, too many classes for classification (at most {max}). Choose another target column.",
  'engine.too-many-classes-numeric':
    "{file}: the target column '{column}' has {count} different values, too many classes for classification (at most {max}). Its values are numbers: choose regression instead.",
  'engine.non-numeric-target':
    "{file}: the target column '{column}' is not numeric (e.g. '{value}'); regression needs numbers. Choose classification or another target.",
  'engine.no-features':
    "{file}: there is no usable feature column (a feature needs values and must not be the target '{column}'). Select at least one other column as a feature.",
  'engine.not-a-number-column':
    "{file}: column '{column}' cannot be used as a number: row {row} holds '{value}'.",
  'engine.too-few-rows-split':
    '{count} row(s) cannot be split into a training and a test set with a test fraction of {fraction}.',
  'engine.too-few-rows-stratified':
    'A stratified split of {count} rows with a test fraction of {fraction} gives {train} training and {test} test rows, fewer than the {classes} classes; change the test fraction.',
  'engine.class-too-small':
    'Class {class} has only {count} row(s); a stratified split needs at least {min} rows of every class.',
  'engine.cv-too-few-rows': '{k}-fold cross-validation needs at least {k} rows; there are {count}.',
  'engine.cv-class-too-small':
    '{k}-fold stratified cross-validation needs a class with at least {k} rows; the largest class, {class}, has {count}.',
  // explaining
  'engine.row-out-of-range': '{file} has data rows 1 to {last}; row {row} does not exist.',
  'engine.unknown-class': 'Class {label} does not exist; the classes are {classes}.',
  // worker session
  'engine.dataset-gone':
    'That dataset is no longer open (the app may have restarted its worker). Open it again.',
  'engine.model-gone':
    'That model is no longer available (the app may have restarted its worker). Train it again.',
  'engine.nothing-to-open': 'Nothing to open: neither a path nor file contents were given.',
  // progress of long jobs (status bar)
  'engine.progress-reading': 'Reading',
  'engine.progress-loaded': 'Loaded',
  'engine.progress-training-trees': 'Training trees',
  'engine.progress-permutation': 'Permutation importance',
  'engine.progress-cross-validation': 'Cross-validation',
  'engine.progress-explaining': 'Explaining',
  'engine.progress-explaining-row': 'Explaining row {row}',
  'engine.progress-explained': 'Explained {done} of {total}',
  'engine.progress-restoring': 'Restoring the model',
  'engine.progress-restored': 'Restored',
  'engine.progress-stability': 'Checking stability',
  'engine.progress-shap': 'SHAP values',
  'engine.progress-stability-explained': 'Stability: explained {done} of {total}',
  'engine.progress-splime-explained': 'SP-LIME: explained {done} of {total}',
} as const;

export type EngineMessageKey = keyof typeof ENGINE_MESSAGES;
/** A message code without the catalog prefix, as errors carry it: 'one-class', 'ragged-row', … */
export type EngineMessageCode = EngineMessageKey extends `engine.${infer C}` ? C : never;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message as data: its code, its parameters and its English text (for the CLI, logs and unknown codes). */
export interface MessageDTO {
  readonly code?: string;
  readonly params?: MessageParams;
  readonly message: string;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a catalog bug is noticed. */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The English text of an engine message. */
export function englishMessage(code: EngineMessageCode, params: MessageParams = {}): string {
  return fillMessage(ENGINE_MESSAGES[`engine.${code}`], params);
}
