import {
  DomainAtlasReport,
  Finding,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { runAnalysis } from '../analysis';
import { readBaselineIds } from '../baseline';
import { colorEnabled, createStyle } from '../formats';
import { findingGroups, SEVERITY_ORDER } from '../formats/reportView';
import { findingGroupLines } from '../formats/table';
import { CliIo, outputWidth } from '../io';

/**
 * The severities `check --fail-on` accepts.
 *
 * @public
 */
export const FAIL_ON_LEVELS = ['error', 'warning'] as const;

/**
 * Options of `domain-atlas check`.
 *
 * @public
 */
export interface CheckCommandOptions {
  failOn: (typeof FAIL_ON_LEVELS)[number];
  /** A previous `report --format json` output whose findings are known. */
  baseline?: string;
  /** app-config files; later ones win. */
  config: string[];
  now?: string;
}

/**
 * How a report's findings stand against the gate.
 *
 * @public
 */
export interface CheckOutcome {
  /** Unwaived findings at or above the threshold that the baseline does not know: these fail the check. */
  failing: Finding[];
  /** Unwaived findings at or above the threshold that the baseline knows. */
  known: Finding[];
  /** Unwaived findings below the threshold. */
  below: Finding[];
  waived: Finding[];
  /** Ids in the baseline that the report no longer has. */
  fixed: string[];
}

/**
 * Sorts a report's findings against a threshold and an optional baseline
 * (finding ids). A waived finding never fails the check.
 *
 * @public
 */
export function evaluateCheck(
  report: DomainAtlasReport,
  failOn: Severity,
  baselineIds?: ReadonlySet<string>,
): CheckOutcome {
  const threshold = SEVERITY_ORDER.indexOf(failOn);
  const outcome: CheckOutcome = {
    failing: [],
    known: [],
    below: [],
    waived: [],
    fixed: [],
  };
  for (const finding of report.findings) {
    if (finding.waived) {
      outcome.waived.push(finding);
    } else if (SEVERITY_ORDER.indexOf(finding.severity) > threshold) {
      outcome.below.push(finding);
    } else if (baselineIds?.has(finding.id)) {
      outcome.known.push(finding);
    } else {
      outcome.failing.push(finding);
    }
  }
  if (baselineIds) {
    const current = new Set(report.findings.map(finding => finding.id));
    outcome.fixed = [...baselineIds].filter(id => !current.has(id)).sort();
  }
  return outcome;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The summary line of a check: passed or failed, and what was not counted.
 *
 * @public
 */
export function checkSummary(
  outcome: CheckOutcome,
  failOn: Severity,
  withBaseline: boolean,
): string {
  const level = failOn === 'error' ? 'error' : `${failOn} or error`;
  const notCounted = [
    ...(withBaseline ? [`${outcome.known.length} known in the baseline`] : []),
    `${outcome.below.length} below ${failOn}`,
    `${outcome.waived.length} waived`,
    ...(withBaseline
      ? [`${outcome.fixed.length} fixed since the baseline`]
      : []),
  ].join(', ');
  const isNew = withBaseline ? 'new ' : '';
  return outcome.failing.length > 0
    ? `check failed: ${plural(
        outcome.failing.length,
        `${isNew}${level} finding`,
      )} (${notCounted}).`
    : `check passed: no ${isNew}${level} findings (${notCounted}).`;
}

/**
 * `domain-atlas check`: a CI gate. Prints the findings that fail the check,
 * grouped by domain, and a summary line to stdout; returns 1 when there
 * are any, else 0.
 *
 * @public
 */
export async function runCheckCommand(
  paths: string[],
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const { report, warnings } = await runAnalysis({
    paths,
    configs: options.config,
    now: options.now,
    cwd: io.cwd,
  });
  const baselineIds = options.baseline
    ? await readBaselineIds(options.baseline, io.cwd)
    : undefined;
  for (const warning of warnings) {
    io.stderr.write(`warning: ${warning}\n`);
  }
  const outcome = evaluateCheck(report, options.failOn, baselineIds);
  const style = createStyle(colorEnabled(io.stdout, io.env));
  const lines = findingGroupLines(findingGroups(report, outcome.failing), {
    style,
    width: outputWidth(io.stdout),
  });
  if (lines.length > 0) {
    lines.push('');
  }
  const summary = checkSummary(outcome, options.failOn, Boolean(baselineIds));
  lines.push(
    outcome.failing.length > 0 ? style.red(summary) : style.green(summary),
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return outcome.failing.length > 0 ? 1 : 0;
}
