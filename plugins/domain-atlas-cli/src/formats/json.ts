import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * The full report as `analyze` returns it (the same shape the backend
 * serves, contracts included), indented. `check --baseline` reads it back.
 *
 * @public
 */
export function formatJson(report: DomainAtlasReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
