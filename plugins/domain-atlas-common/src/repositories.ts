import type { RepositorySummary } from './report';
import type { CatalogIndex } from './model/catalog';
import type { DomainModel } from './domains';
import type { EntityRoles } from './model/entityRoles';
import { compareStrings, sortedUnique } from './model/ordering';
import { RepositoryLocation, repositoryOfAnnotations } from './repositoryUrls';

/**
 * Which repository every component lives in, and what each repository
 * hosts. Only Components are placed in repositories.
 *
 * @public
 */
export interface RepositoryIndex {
  /** The repository of a component, if its annotations name one. */
  of(componentRef: string): RepositoryLocation | undefined;
  /** Every repository with its components, domains and deployables, sorted by id. */
  readonly repositories: ReadonlyArray<RepositorySummary>;
  get(id: string): RepositorySummary | undefined;
}

/** Places every component in its repository. */
export function buildRepositoryIndex(
  catalog: CatalogIndex,
  domains: DomainModel,
  roles: EntityRoles,
): RepositoryIndex {
  const locations = new Map<string, RepositoryLocation>();
  const byId = new Map<string, RepositorySummary>();
  for (const component of catalog.ofKind('component')) {
    const location = repositoryOfAnnotations(component.annotations);
    if (!location) {
      continue;
    }
    locations.set(component.ref, location);
    let summary = byId.get(location.id);
    if (!summary) {
      summary = {
        id: location.id,
        host: location.host,
        org: location.org,
        repo: location.repo,
        url: location.url,
        domains: [],
        components: [],
        deployables: [],
      };
      byId.set(location.id, summary);
    }
    summary.components.push(component.ref);
    if (roles.isDeployable(component)) {
      summary.deployables.push(component.ref);
    }
    const domain = domains.domainOf(component.ref);
    if (domain !== null) {
      summary.domains.push(domain);
    }
  }
  const repositories = [...byId.values()]
    .map(summary => ({ ...summary, domains: sortedUnique(summary.domains) }))
    .sort((a, b) => compareStrings(a.id, b.id));
  const final = new Map(repositories.map(summary => [summary.id, summary]));
  return {
    of: ref => locations.get(ref),
    repositories,
    get: id => final.get(id),
  };
}
