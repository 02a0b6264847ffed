/** Separators we recognise, in the order that wins a tie. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Characters and records inspected: plenty to see the structure, cheap on huge files. */
export const DELIMITER_SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * Field count of each non-blank record of the sample, quotes respected; `strays` counts
 * quotes inside a field, which a file split at the right separator does not have.
 */
function fieldCounts(
  sample: string,
  delimiter: number,
  complete: boolean,
): { counts: number[]; strays: number } {
  const counts: number[] = [];
  let strays = 0;
  let inQuotes = false;
  let atFieldStart = true;
  let fields = 1;
  let lineHasContent = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (sample.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF || c === CR) {
      if (c === CR && sample.charCodeAt(i + 1) === LF) i++;
      if (lineHasContent) counts.push(fields);
      if (counts.length >= SAMPLE_RECORDS) return { counts, strays };
      fields = 1;
      atFieldStart = true;
      lineHasContent = false;
      continue;
    }
    lineHasContent = true;
    if (c === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      if (c === QUOTE) strays++;
      atFieldStart = false;
    }
  }
  // The last record of a cut sample may be partial, so it only counts when the sample is the whole text.
  if (complete && lineHasContent && !inQuotes) counts.push(fields);
  return { counts, strays };
}

/**
 * Picks the separator that splits the first records into the same number of fields
 * (more than one) most consistently, the header agreeing with the majority and no quoted
 * value split open; ties go
 * to more fields, then to the order of DELIMITERS. A single-column file gets ','.
 */
export function detectDelimiter(text: string): Delimiter {
  const complete = text.length <= DELIMITER_SAMPLE_CHARS;
  const sample = complete ? text : text.slice(0, DELIMITER_SAMPLE_CHARS);
  let best: Delimiter = ',';
  let bestConsistency = 0;
  let bestFields = 1;
  for (const delimiter of DELIMITERS) {
    const { counts, strays } = fieldCounts(sample, delimiter.charCodeAt(0), complete);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [n, count] of frequency) {
      if (count > modeCount || (count === modeCount && n > mode)) {
        mode = n;
        modeCount = count;
      }
    }
    if (mode <= 1) continue;
    let consistency = modeCount / counts.length;
    if (counts[0] !== mode) consistency /= 2;
    // A quote in mid-field means a quoted value was split open: likely the wrong separator.
    if (strays > 0) consistency /= 2;
    if (consistency > bestConsistency || (consistency === bestConsistency && mode > bestFields)) {
      best = delimiter;
      bestConsistency = consistency;
      bestFields = mode;
    }
  }
  return best;
}

export function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case '\t':
      return 'tab';
    case ';':
      return 'semicolon';
    case '|':
      return 'pipe';
    default:
      return JSON.stringify(delimiter);
  }
}
