import {
  DomainAtlasReport,
  REPORT_SCHEMA_VERSION,
} from '@domain-atlas/plugin-domain-atlas-common';
import { appendReportParts, readReportParts } from '../../database/reportParts';

/** The lists every route reads from a report. */
const LISTS = [
  'domains',
  'findings',
  'dependencies',
  'isolation',
  'blastRadius',
  'teams',
  'repositories',
  'contracts',
  'rules',
] as const;

/**
 * Lists added to the report since schema version 1: a report stored before
 * one was added has none, and reads as if it were empty (adding a list is
 * no incompatible change, so the schema version stays).
 */
const LATER_LISTS = ['waivers'] as const;

/** The blocks that must be objects. */
const BLOCKS = ['generatedFrom', 'unassigned'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a stored report (its parts, see `reportParts`, one at a time) and
 * checks its shape cheaply: the schema version,
 * the top-level blocks and lists, and that every domain has a ref. Enough
 * to tell a truncated, hand-edited or foreign report from one the routes
 * can serve, without checking each finding. A list added to the report
 * later (`waivers`) may be missing from an older snapshot: it reads as
 * empty.
 */
export async function readStoredReport(
  parts: ReadonlyArray<string>,
): Promise<{ report: DomainAtlasReport } | { problem: string }> {
  // The first part has every field: checked before the rest is read.
  const read = await readReportParts(parts.slice(0, 1));
  if ('problem' in read) {
    return read;
  }
  const parsed = read.value;
  if (!isObject(parsed)) {
    return { problem: 'not a report object' };
  }
  if (parsed.schemaVersion !== REPORT_SCHEMA_VERSION) {
    return {
      problem:
        parsed.schemaVersion === undefined
          ? 'no schema version'
          : `schema version ${JSON.stringify(
              parsed.schemaVersion,
            )} where this backend reads ${REPORT_SCHEMA_VERSION}`,
    };
  }
  const missing = [
    ...BLOCKS.filter(key => !isObject(parsed[key])),
    ...LISTS.filter(key => !Array.isArray(parsed[key])),
    ...LATER_LISTS.filter(
      key => parsed[key] !== undefined && !Array.isArray(parsed[key]),
    ),
  ];
  if (missing.length > 0) {
    return { problem: `missing or malformed ${missing.join(', ')}` };
  }
  const problem = await appendReportParts(parsed, parts, 1);
  if (problem) {
    return { problem };
  }
  const domains = parsed.domains as unknown[];
  if (!domains.every(d => isObject(d) && typeof d.ref === 'string')) {
    return { problem: 'a domain without a ref' };
  }
  for (const key of LATER_LISTS) {
    parsed[key] ??= [];
  }
  return { report: parsed as unknown as DomainAtlasReport };
}
