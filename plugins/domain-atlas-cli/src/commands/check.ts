import {
  DomainAtlasReport,
  Finding,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { runAnalysis, writeDiagnostics } from '../analysis';
import { readBaselineIds } from '../baseline';
import {
  colorEnabled,
  createStyle,
  terminatedLines,
  TextFormatOptions,
} from '../formats';
import { findingGroups, SEVERITY_ORDER } from '../formats/reportView';
import { findingGroupLines } from '../formats/table';
import { CliIo, outputWidth, writeChunks } from '../io';

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
  /** Pass although catalog files could not be read (they are still reported). */
  allowUnreadable?: boolean;
  /** app-config files; later ones win. */
  config: string[];
  /** Modules whose exported rules run too (`--rules`). */
  rules?: string[];
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
  /**
   * Unwaived findings of catalog files that could not be read (YAML syntax
   * errors, missing targets, read errors): these fail the check, baseline
   * or not, unless they are allowed.
   */
  unreadable: Finding[];
  /** Whether unreadable catalog files were allowed (`--allow-unreadable`). */
  unreadableAllowed: boolean;
  /** Unwaived findings at or above the threshold that the baseline knows. */
  known: Finding[];
  /** Unwaived findings below the threshold. */
  below: Finding[];
  waived: Finding[];
  /** Ids in the baseline that the report no longer has. */
  fixed: string[];
}

/**
 * Whether a finding says that part of the catalog could not be read: the
 * `catalog-file` rule reports skipped documents as info, and files it
 * could not read as errors.
 */
function isUnreadableFinding(finding: Finding): boolean {
  return finding.rule === 'catalog-file' && finding.severity === 'error';
}

/**
 * Sorts a report's findings against a threshold and an optional baseline
 * (finding ids). A waived finding never fails the check. A catalog file
 * that could not be read fails it whatever the threshold and the
 * baseline, since the check could not see what it holds, unless
 * `allowUnreadable`; skipped documents (not entities, templates) never do.
 *
 * @public
 */
export function evaluateCheck(
  report: DomainAtlasReport,
  failOn: Severity,
  baselineIds?: ReadonlySet<string>,
  allowUnreadable = false,
): CheckOutcome {
  const threshold = SEVERITY_ORDER.indexOf(failOn);
  const outcome: CheckOutcome = {
    failing: [],
    unreadable: [],
    unreadableAllowed: allowUnreadable,
    known: [],
    below: [],
    waived: [],
    fixed: [],
  };
  for (const finding of report.findings) {
    if (finding.waived) {
      outcome.waived.push(finding);
    } else if (isUnreadableFinding(finding)) {
      outcome.unreadable.push(finding);
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

/**
 * Whether the check fails: findings that fail it, or unreadable catalog
 * files that were not allowed.
 *
 * @public
 */
export function checkFailed(outcome: CheckOutcome): boolean {
  return (
    outcome.failing.length > 0 ||
    (!outcome.unreadableAllowed && outcome.unreadable.length > 0)
  );
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
  const allowed = outcome.unreadableAllowed ? outcome.unreadable.length : 0;
  const notCounted = [
    ...(allowed > 0
      ? [`${plural(allowed, 'unreadable catalog file')} allowed`]
      : []),
    ...(withBaseline ? [`${outcome.known.length} known in the baseline`] : []),
    `${outcome.below.length} below ${failOn}`,
    `${outcome.waived.length} waived`,
    ...(withBaseline
      ? [`${outcome.fixed.length} fixed since the baseline`]
      : []),
  ].join(', ');
  const isNew = withBaseline ? 'new ' : '';
  if (!checkFailed(outcome)) {
    return `check passed: no ${isNew}${level} findings (${notCounted}).`;
  }
  const unreadable = outcome.unreadableAllowed ? 0 : outcome.unreadable.length;
  const failed = [
    ...(outcome.failing.length > 0
      ? [plural(outcome.failing.length, `${isNew}${level} finding`)]
      : []),
    ...(unreadable > 0 ? [plural(unreadable, 'unreadable catalog file')] : []),
  ].join(' and ');
  return unreadable > 0
    ? `check failed: ${failed} (${notCounted}); --allow-unreadable lets unreadable files pass.`
    : `check failed: ${failed} (${notCounted}).`;
}

/**
 * The output of a check: the findings that fail it, grouped by domain as
 * in the table format, then the summary line.
 *
 * @public
 */
export function* checkLines(
  report: DomainAtlasReport,
  outcome: CheckOutcome,
  summary: string,
  options: TextFormatOptions,
): Generator<string> {
  const failing = outcome.unreadableAllowed
    ? outcome.failing
    : outcome.failing.concat(outcome.unreadable);
  if (failing.length > 0) {
    yield* findingGroupLines(findingGroups(report, failing), options);
    yield '';
  }
  yield checkFailed(outcome)
    ? options.style.red(summary)
    : options.style.green(summary);
}

/**
 * `domain-atlas check`: a CI gate. Prints the findings that fail the check,
 * grouped by domain, and a summary line to stdout; returns 1 when there
 * are any or a catalog file could not be read (unless allowed), else 0.
 *
 * @public
 */
export async function runCheckCommand(
  paths: string[],
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const analysis = await runAnalysis({
    paths,
    configs: options.config,
    rules: options.rules,
    now: options.now,
    cwd: io.cwd,
  });
  const baselineIds = options.baseline
    ? await readBaselineIds(options.baseline, io.cwd)
    : undefined;
  writeDiagnostics(analysis, io.stderr);
  const { report } = analysis;
  const outcome = evaluateCheck(
    report,
    options.failOn,
    baselineIds,
    Boolean(options.allowUnreadable),
  );
  const summary = checkSummary(outcome, options.failOn, Boolean(baselineIds));
  await writeChunks(
    io.stdout,
    terminatedLines(
      checkLines(report, outcome, summary, {
        style: createStyle(colorEnabled(io.stdout, io.env)),
        width: outputWidth(io.stdout),
      }),
    ),
  );
  return checkFailed(outcome) ? 1 : 0;
}
