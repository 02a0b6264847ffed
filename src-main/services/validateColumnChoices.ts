/** Validation of the per-column choices in model settings: case-ID column, type changes, identifier roles. */
import type { ColumnTypeChoice, ModelSettingsDTO } from '../contract/ipc';
import { LIMITS, names, text, ValidationError } from './validate';

type ColumnChoices = Pick<ModelSettingsDTO, 'idColumn' | 'columnTypes' | 'identifiers'>;

const TYPE_CHOICES: readonly ColumnTypeChoice[] = ['numeric', 'categorical'];

/** The optional column-choice fields of `settings` (already checked to be a plain object). */
export function columnChoices(settings: Readonly<Record<string, unknown>>, field: string): ColumnChoices {
  const out: { -readonly [K in keyof ColumnChoices]: ColumnChoices[K] } = {};
  if ('idColumn' in settings) {
    out.idColumn = settings.idColumn === null ? null : text(settings.idColumn, `${field}.idColumn`);
  }
  if ('identifiers' in settings) {
    out.identifiers = names(settings.identifiers, `${field}.identifiers`, { allowEmpty: true });
  }
  if ('columnTypes' in settings) {
    const raw = settings.columnTypes;
    const where = `${field}.columnTypes`;
    if (
      typeof raw !== 'object' ||
      raw === null ||
      Array.isArray(raw) ||
      Object.getPrototypeOf(raw) !== Object.prototype
    ) {
      throw new ValidationError(`Invalid request: ${where} must be a plain object of column name → type.`);
    }
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length > LIMITS.maxNames) {
      throw new ValidationError(`Invalid request: ${where} must have at most ${LIMITS.maxNames} columns.`);
    }
    out.columnTypes = Object.fromEntries(
      entries.map(([name, type]) => {
        text(name, `${where} key`);
        if (typeof type !== 'string' || !(TYPE_CHOICES as readonly string[]).includes(type)) {
          throw new ValidationError(
            `Invalid request: ${where}["${name}"] must be "numeric" or "categorical".`,
          );
        }
        return [name, type as ColumnTypeChoice];
      }),
    );
  }
  return out;
}
