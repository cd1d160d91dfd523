import type { RepositorySummary } from './report';
import type { EntityRecord, IndexedCatalog } from './model/catalog';
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

/** What a repository hosts, as records. */
export interface HostedRecords {
  readonly components: ReadonlyArray<EntityRecord>;
  readonly deployables: ReadonlyArray<EntityRecord>;
  /** The domain of every component, when they all have the same one. */
  readonly onlyDomain: EntityRecord | null;
}

/** The repository index as the analysis sees it: with the records. */
export interface IndexedRepositoryIndex extends RepositoryIndex {
  /** What each repository hosts, in the order of `repositories`. */
  readonly hosted: ReadonlyArray<HostedRecords>;
  /**
   * How many components of a domain live in repositories that host only
   * that domain.
   */
  componentsAlone(domain: EntityRecord): number;
}

interface Entry {
  summary: RepositorySummary;
  components: EntityRecord[];
  deployables: EntityRecord[];
}

/**
 * Places every component in its repository. Runs after the domain model,
 * which has filled in each record's domain.
 */
export function buildRepositoryIndex(
  catalog: IndexedCatalog,
  roles: EntityRoles,
): IndexedRepositoryIndex {
  const byId = new Map<string, Entry>();
  for (const record of catalog.recordsOfKind('component')) {
    const component = record.entity;
    const parsed = repositoryOfAnnotations(component.annotations);
    if (!parsed) {
      continue;
    }
    let entry = byId.get(parsed.id);
    // The components of one repository share its strings: a monorepo's
    // thousands of components keep one copy, not one each.
    const location: RepositoryLocation = entry
      ? {
          id: entry.summary.id,
          host: entry.summary.host,
          org: entry.summary.org,
          repo: entry.summary.repo,
          path: parsed.path,
          url: entry.summary.url,
        }
      : parsed;
    record.repository = location;
    if (!entry) {
      entry = {
        summary: {
          id: location.id,
          host: location.host,
          org: location.org,
          repo: location.repo,
          url: location.url,
          domains: [],
          components: [],
          deployables: [],
        },
        components: [],
        deployables: [],
      };
      byId.set(location.id, entry);
    }
    entry.summary.components.push(component.ref);
    entry.components.push(record);
    if (roles.isDeployable(component)) {
      entry.summary.deployables.push(component.ref);
      entry.deployables.push(record);
    }
    if (record.domain !== null) {
      entry.summary.domains.push(record.domain.entity.ref);
    }
  }
  const entries = [...byId.values()].sort((a, b) =>
    compareStrings(a.summary.id, b.summary.id),
  );
  const repositories: RepositorySummary[] = [];
  const hosted: HostedRecords[] = [];
  const final = new Map<string, RepositorySummary>();
  const alone = new Map<EntityRecord, number>();
  for (const { summary, components, deployables } of entries) {
    const result = { ...summary, domains: sortedUnique(summary.domains) };
    repositories.push(result);
    final.set(result.id, result);
    let onlyDomain = components[0].domain;
    for (const component of components) {
      if (component.domain !== onlyDomain) {
        onlyDomain = null;
        break;
      }
    }
    const records: HostedRecords = { components, deployables, onlyDomain };
    hosted.push(records);
    if (onlyDomain !== null) {
      alone.set(onlyDomain, (alone.get(onlyDomain) ?? 0) + components.length);
    }
  }
  return {
    of: ref => catalog.record(ref)?.repository,
    repositories,
    get: id => final.get(id),
    hosted,
    componentsAlone: domain => alone.get(domain) ?? 0,
  };
}
