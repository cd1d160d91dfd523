import type { RepositorySummary } from './report';
import type { IndexedCatalog } from './model/catalog';
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

/**
 * Places every component in its repository. Runs after the domain model,
 * which has filled in each record's domain.
 */
export function buildRepositoryIndex(
  catalog: IndexedCatalog,
  roles: EntityRoles,
): RepositoryIndex {
  const byId = new Map<string, RepositorySummary>();
  for (const record of catalog.recordsOfKind('component')) {
    const component = record.entity;
    const parsed = repositoryOfAnnotations(component.annotations);
    if (!parsed) {
      continue;
    }
    let summary = byId.get(parsed.id);
    // The components of one repository share its strings: a monorepo's
    // thousands of components keep one copy, not one each.
    const location: RepositoryLocation = summary
      ? {
          id: summary.id,
          host: summary.host,
          org: summary.org,
          repo: summary.repo,
          path: parsed.path,
          url: summary.url,
        }
      : parsed;
    record.repository = location;
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
    if (record.domain !== null) {
      summary.domains.push(record.domain);
    }
  }
  const repositories = [...byId.values()]
    .map(summary => ({ ...summary, domains: sortedUnique(summary.domains) }))
    .sort((a, b) => compareStrings(a.id, b.id));
  const final = new Map(repositories.map(summary => [summary.id, summary]));
  return {
    of: ref => catalog.record(ref)?.repository,
    repositories,
    get: id => final.get(id),
  };
}
