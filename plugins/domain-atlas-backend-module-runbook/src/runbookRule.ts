import type {
  CatalogEntity,
  DomainAtlasRule,
} from '@domain-atlas/plugin-domain-atlas-common';

/** Link types and titles that lead the person on call to what to do. */
const RUNBOOK_LINK = /run-?book|on-?call|playbook/i;

/** Annotations of the on-call plugins: who is paged for this component. */
const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  'opsgenie.com/team',
  'splunk.com/on-call-routing-key',
];

function hasRunbookOrOnCall(entity: CatalogEntity): boolean {
  return (
    entity.links.some(
      link =>
        RUNBOOK_LINK.test(link.type ?? '') ||
        RUNBOOK_LINK.test(link.title ?? ''),
    ) || ON_CALL_ANNOTATIONS.some(key => (entity.annotations[key] ?? '') !== '')
  );
}

/**
 * `runbook-link`: a deployable component in production has a runbook or
 * on-call link (`metadata.links` with a type or title naming a runbook,
 * on-call or playbook), or an on-call plugin's annotation (PagerDuty,
 * Opsgenie, Splunk On-Call). A domain that deploys on its own is paged
 * on its own: whoever is woken up needs to know what to do.
 *
 * @public
 */
export const runbookLinkRule: DomainAtlasRule = {
  id: 'runbook-link',
  principle: 'You build it, you run it',
  description:
    'A deployable component in production has no runbook or on-call link, and no on-call annotation.',
  defaultSeverity: 'warning',
  *evaluate({ catalog, roles }) {
    for (const component of catalog.ofKind('component')) {
      if (
        component.spec.lifecycle === 'production' &&
        roles.isDeployable(component) &&
        !hasRunbookOrOnCall(component)
      ) {
        yield {
          subject: component.ref,
          entities: [component.ref],
          message: `${component.ref} runs in production without a runbook or on-call link; add a metadata.links entry of type runbook, or a PagerDuty or Opsgenie annotation`,
        };
      }
    }
  },
};
