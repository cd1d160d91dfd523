/*
 * The demo backend analyses on the real clock, so a target date's status
 * changes as the days pass: browser tests ask this what to expect rather
 * than assuming the day the demo was designed on.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** As in the analysis (AT_RISK_DAYS): closer than this is at risk. */
const AT_RISK_DAYS = 90;

/**
 * The status the page shows today for a target phase not yet reached by
 * `targetDate` (YYYY-MM-DD): `overdue` once the date has passed, `at risk`
 * within 90 days, else `on track`.
 */
export function targetStatusToday(targetDate) {
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const daysLeft = Math.round((Date.parse(targetDate) - today) / DAY_MS);
  if (daysLeft < 0) {
    return 'overdue';
  }
  return daysLeft < AT_RISK_DAYS ? 'at risk' : 'on track';
}
