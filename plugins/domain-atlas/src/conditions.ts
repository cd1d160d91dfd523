import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ApiHolder } from '@backstage/core-plugin-api';
import { domainAtlasApiRef } from './api';

/**
 * `EntitySwitch` condition: whether the entity breaks a repo-per-domain
 * rule (an unwaived error or warning finding names it). Use it to show
 * `EntityDomainAtlasWarning` at the top of an entity page.
 *
 * @public
 */
export async function hasDomainAtlasFindings(
  entity: Entity,
  context: { apis: ApiHolder },
): Promise<boolean> {
  const api = context.apis.get(domainAtlasApiRef);
  if (!api) {
    return false;
  }
  try {
    const { findings } = await api.getEntityFindings(
      stringifyEntityRef(entity),
    );
    return findings.some(f => !f.waived && f.severity !== 'info');
  } catch {
    // Unknown to Domain Atlas (e.g. a User) or the backend is unreachable:
    // no info bar rather than a broken page.
    return false;
  }
}
