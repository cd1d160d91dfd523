import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ReportChange } from './reportChanges';

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/**
 * The `spec.owner` of every entity of a catalog read, as full lowercase
 * refs by the entity's full lowercase ref (the report's notation). An
 * owner without a kind is a group, without a namespace in the entity's.
 * Malformed entities and owners are left out.
 */
export function ownersOf(entities: ReadonlyArray<Entity>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const entity of entities) {
    const owner = (entity?.spec as { owner?: unknown } | undefined)?.owner;
    const name = entity?.metadata?.name;
    const namespace = entity?.metadata?.namespace ?? 'default';
    if (
      typeof owner !== 'string' ||
      typeof entity.kind !== 'string' ||
      typeof name !== 'string' ||
      typeof namespace !== 'string'
    ) {
      continue;
    }
    try {
      const ref = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      });
      owners.set(
        lower(`${entity.kind}:${namespace}/${name}`),
        lower(`${ref.kind}:${ref.namespace}/${ref.name}`),
      );
    } catch {
      // Not a ref: the analysis reports it as a finding.
    }
  }
  return owners;
}

/**
 * Who should hear of a change: the entity refs of the owners who can act,
 * sorted, without repeats. Backstage's notifications backend resolves a
 * group to its members.
 *
 * - a new error or an overdue target: the domain's owner;
 * - a breaking change: the API's owner and the owners of its consumers;
 * - an expiring waiver: the owner of the waived entity, else its domain's.
 *
 * A domain owner that is no group or user of the catalog (dangling, or
 * missing: itself a `domain-owned` finding) is nobody to tell.
 */
export function recipientsOf(
  change: ReportChange,
  owners: ReadonlyMap<string, string>,
): string[] {
  const refs: Array<string | undefined> = [];
  switch (change.kind) {
    case 'new-error':
    case 'overdue-target': {
      const { owner, ownerKind } = change.domain;
      if (owner && (ownerKind === 'group' || ownerKind === 'user')) {
        refs.push(owner);
      }
      break;
    }
    case 'breaking-change':
      refs.push(
        owners.get(change.api),
        ...change.consumers.map(consumer => owners.get(consumer)),
      );
      break;
    default: {
      const { waiver } = change;
      refs.push(
        waiver.owner ??
          owners.get(waiver.entity) ??
          (waiver.domain ? owners.get(waiver.domain) : undefined),
      );
    }
  }
  return [
    ...new Set(refs.filter((ref): ref is string => ref !== undefined)),
  ].sort();
}
