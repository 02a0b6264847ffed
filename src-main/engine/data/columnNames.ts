/**
 * Names that usually hold a record number rather than a measurement: `id`, `patient_id`,
 * `PatientID`, `case no`, `index`, Korean `환자번호` (patient number). Only used together
 * with the values being all distinct, so a false match costs little.
 */
export function isIdLikeName(name: string): boolean {
  const trimmed = name.trim();
  if (/[a-z0-9](Id|ID)$/.test(trimmed)) return true;
  const lower = trimmed.toLowerCase();
  if (/^(id|idx|index|#|no\.?|nr|row|rownum|row number|record|key|uuid|guid|mrn|unnamed: ?0|)$/.test(lower)) {
    return true;
  }
  return /[\s_.-](id|no\.?|nr|number|num|key|uuid|mrn)$/.test(lower) || /(번호|아이디|id)$/.test(lower);
}

/** Words that, before `no`/`number`/`nr`, name a record number: `patient_no`, `case number`. */
const NUMBERED_THINGS = new Set([
  'patient',
  'case',
  'record',
  'sample',
  'subject',
  'registration',
  'chart',
  'hospital',
  'admission',
  'specimen',
  'accession',
  'serial',
]);
const NUMBER_WORDS = new Set(['no', 'nr', 'number', 'num', '#']);

/** A header split into lower-case words at separators and camelCase humps: `PatientID` → patient, id. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_\-.:/()]+/)
    .filter((w) => w.length > 0);
}

/**
 * Names that say "this is an identifier" on their own, whatever the values (a patient
 * number repeats across visits): `id`, `ID`, `*_id`, `id_*`, `PatientID`, `patient no`,
 * `patient_number`, `case number`, `MRN`, `record`, `sample`, `uuid`, Korean `환자번호`
 * (patient number), `등록번호` (registration number), `번호` (number), `아이디`.
 * Case-insensitive; separators are space, `_`, `-`, `.`, `:`, `/`.
 */
export function isIdentifierName(name: string): boolean {
  const trimmed = name.trim();
  if (/(번호|아이디)$/.test(trimmed) || /^아이디/.test(trimmed)) return true;
  const words = nameWords(trimmed);
  if (words.length === 0) return false;
  const first = words[0];
  const last = words[words.length - 1];
  if (first === 'id' || last === 'id' || last === 'ids') return true;
  if (words.some((w) => w === 'mrn' || w === 'uuid' || w === 'guid')) return true;
  if (words.length === 1 && (first === 'record' || first === 'sample')) return true;
  return NUMBER_WORDS.has(last) && words.slice(0, -1).some((w) => NUMBERED_THINGS.has(w));
}
