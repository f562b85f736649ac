/** How long the "who opened my data" log is kept. */
export const DATA_VIEW_RETENTION_DAYS = 90;

/**
 * The instant `months` calendar months before `now` (UTC): what is older is deleted. A retention
 * limit is a coarse legal period, so the organization's time zone does not matter here.
 */
export function getRetentionCutoff(now: number, months: number): number {
  const at = new Date(now);
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - months, 1, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
  // Clamp the day: 31 March minus one month is 28/29 February, not 3 March.
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target.getTime();
}

/** The first day key (YYYY-MM-DD) kept: daily scores of earlier days are deleted. */
export function getRetentionCutoffDayKey(now: number, months: number): string {
  return new Date(getRetentionCutoff(now, months)).toISOString().slice(0, 10);
}
