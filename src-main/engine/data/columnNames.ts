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
