/**
 * The `.limelens` project file: versioned JSON holding where the data is (path + SHA-256),
 * the column kinds, the model settings, the trained forest and its results, the
 * explanations done and the view/report choices. Reading checks everything that later code
 * relies on and fails with one clear sentence, never half a project.
 */
import type {
  ColumnKind,
  ExplanationDTO,
  ImportanceDTO,
  ModelSettingsDTO,
  ProjectViewDTO,
  TrainResultDTO,
} from '../contract/ipc';
import { modelSettings, projectView, ValidationError } from './validate';

export const PROJECT_FORMAT = 'lime-lens-project';
export const PROJECT_VERSION = 1;

export interface ProjectFile {
  readonly format: typeof PROJECT_FORMAT;
  readonly version: typeof PROJECT_VERSION;
  readonly savedAt: string;
  readonly data: {
    readonly path: string;
    readonly fileName: string;
    readonly sha256: string;
    readonly sheet?: string;
  };
  readonly columns: readonly { readonly name: string; readonly kind: ColumnKind }[];
  readonly settings: ModelSettingsDTO;
  readonly model: {
    /** ForestJSON (forest.toJSON()). */
    readonly forest: unknown;
    /** The training result as shown when saved (its ids are replaced on reopening). */
    readonly train: TrainResultDTO;
  };
  readonly explanations: readonly ExplanationDTO[];
  readonly view: ProjectViewDTO;
}

/** A project that cannot be opened; the message names the file and says why. */
export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
}

export function serializeProject(project: ProjectFile): string {
  return `${JSON.stringify(project)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function importances(raw: unknown): raw is ImportanceDTO[] {
  return (
    Array.isArray(raw) &&
    raw.every(
      (i) =>
        isObject(i) &&
        typeof i.feature === 'string' &&
        typeof i.importance === 'number' &&
        (i.std === undefined || typeof i.std === 'number'),
    )
  );
}

function explanation(raw: unknown): boolean {
  return (
    isObject(raw) &&
    Number.isInteger(raw.row) &&
    Array.isArray(raw.weights) &&
    raw.weights.every((w) => isObject(w) && typeof w.feature === 'string' && typeof w.weight === 'number') &&
    ['intercept', 'score', 'localPred', 'modelPred'].every((k) => typeof raw[k] === 'number')
  );
}

/** Parses and checks a project file's text; `name` is the file name used in messages. */
export function parseProject(text: string, name: string): ProjectFile {
  const damaged = (why: string) => new ProjectFileError(`"${name}" is damaged and was not opened: ${why}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged('it is not complete JSON (the file may have been cut short)');
  }
  if (!isObject(raw) || raw.format !== PROJECT_FORMAT)
    throw new ProjectFileError(`"${name}" is not a Lime Lens project.`);
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    throw damaged('its version is missing');
  if (raw.version > PROJECT_VERSION)
    throw new ProjectFileError(
      `"${name}" was saved by a newer version of Lime Lens (project format ${raw.version}); ` +
        `this version opens format ${PROJECT_VERSION}. Update Lime Lens to open it.`,
    );
  const { data, columns, model, explanations, savedAt } = raw;
  if (
    !isObject(data) ||
    typeof data.path !== 'string' ||
    typeof data.fileName !== 'string' ||
    typeof data.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(data.sha256) ||
    (data.sheet !== undefined && typeof data.sheet !== 'string')
  )
    throw damaged('the data file entry is incomplete');
  if (
    !Array.isArray(columns) ||
    !columns.every((c) => isObject(c) && typeof c.name === 'string' && typeof c.kind === 'string')
  )
    throw damaged('the column list is incomplete');
  let settings: ModelSettingsDTO;
  let view: ProjectViewDTO;
  try {
    settings = modelSettings(raw.settings, 'settings');
    view = projectView(raw.view, 'view');
  } catch (err) {
    if (err instanceof ValidationError)
      throw damaged(err.message.replace(/^Invalid request: /, '').replace(/\.$/, ''));
    throw err;
  }
  if (
    !isObject(model) ||
    !isObject(model.forest) ||
    !isObject(model.train) ||
    model.train.task !== settings.task ||
    !importances(model.train.impurityImportance) ||
    !importances(model.train.permutationImportance) ||
    !Array.isArray(model.train.testCases) ||
    typeof model.train.trainMillis !== 'number'
  )
    throw damaged('the model is incomplete');
  if (!Array.isArray(explanations) || !explanations.every(explanation))
    throw damaged('the explanations are incomplete');
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: typeof savedAt === 'string' ? savedAt : '',
    data: {
      path: data.path,
      fileName: data.fileName,
      sha256: data.sha256,
      ...(typeof data.sheet === 'string' && { sheet: data.sheet }),
    },
    columns: columns as ProjectFile['columns'],
    settings,
    model: { forest: model.forest, train: model.train as unknown as TrainResultDTO },
    explanations: explanations as ExplanationDTO[],
    view,
  };
}
