/**
 * A what-if value as the number box keeps it: inside the feature's training range, like the
 * slider. Beyond the range a forest answers exactly as at the nearest edge (its thresholds all lie
 * inside), so a value there would suggest a change the model cannot see.
 */
export function whatIfValue(value: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && value < min) return min;
  if (max !== undefined && value > max) return max;
  return value;
}
