import type { Finding, FindingCounts } from './report';

/**
 * Points one unwaived finding takes off the health score, by severity.
 *
 * @public
 */
export const SCORE_PENALTIES = { error: 15, warning: 5, info: 1 } as const;

/**
 * Counts a domain's findings: unwaived ones per severity, waived ones apart.
 *
 * @public
 */
export function countFindings(findings: Iterable<Finding>): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const finding of findings) {
    if (finding.waived) {
      counts.waived++;
    } else {
      counts[finding.severity]++;
    }
  }
  return counts;
}

/**
 * The health score of a domain, 0–100: start at 100 and take off 15 points
 * per unwaived error, 5 per unwaived warning and 1 per unwaived info
 * finding; never below 0. Waived findings cost nothing. The same formula is
 * used by the page, the API and the CLI.
 *
 * @public
 */
export function computeHealthScore(counts: FindingCounts): number {
  const penalty =
    counts.error * SCORE_PENALTIES.error +
    counts.warning * SCORE_PENALTIES.warning +
    counts.info * SCORE_PENALTIES.info;
  return Math.max(0, 100 - penalty);
}
