const units: Array<[minutes: number, singular: string]> = [
  [1440, 'day'],
  [60, 'hour'],
  [1, 'minute'],
];

/**
 * A span of minutes in the largest whole unit: 90 → "90 minutes",
 * 120 → "2 hours", 1440 → "1 day".
 */
export function formatMinutes(minutes: number): string {
  const size = Math.abs(minutes);
  const [unit, name] =
    units.find(([unitMinutes]) => size % unitMinutes === 0) ?? units[2];
  const count = size / unit;

  return `${count} ${name}${count === 1 ? '' : 's'}`;
}
