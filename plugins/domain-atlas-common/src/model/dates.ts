const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Days since 1970-01-01 (UTC) of an ISO date or timestamp, or undefined when
 * the text is not a real calendar date.
 */
export function isoDateToDay(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [match[1], match[2], match[3]].map(Number);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return time / 86_400_000;
}
