import type { DomainAtlasRule, RuleViolation } from './types';
import { normalizeRef } from '../model/refs';
import { isMajorChange } from '../contractChanges';

/**
 * `breaking-change-needs-major`: contract tests prevent breaking other
 * teams. Violated when a recorded definition change (option
 * `contractChanges`) is breaking but the major version did not change.
 * When a version cannot be read, the versions must differ as text. The
 * finding names the API and its consumers; its id names the API and the
 * versions only.
 *
 * @public
 */
export const breakingChangeNeedsMajorRule: DomainAtlasRule = {
  id: 'breaking-change-needs-major',
  principle: 'Contract tests prevent breaking other teams',
  description:
    'A recorded definition change is breaking but the major version did not change.',
  defaultSeverity: 'error',
  *evaluate({ options, relations }): Iterable<RuleViolation> {
    for (const change of options.contractChanges) {
      if (!change.breaking) {
        continue;
      }
      const api = normalizeRef(change.api, 'api', 'default');
      if (api === undefined) {
        continue;
      }
      if (!isMajorChange(change.fromVersion, change.toVersion)) {
        yield {
          subject: api,
          entities: [api, ...relations.consumersOf(api)],
          // The change of the API, whoever consumes it: a new consumer does
          // not make it another finding.
          identity: [api],
          key: `${change.fromVersion ?? 'none'}->${change.toVersion ?? 'none'}`,
          message: `${api} changed from ${
            change.fromVersion ?? 'no version'
          } to ${
            change.toVersion ?? 'no version'
          } with a breaking change but kept its major version; release it as a new major version`,
        };
      }
    }
  },
};
