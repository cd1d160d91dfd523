import type { RepositorySummary } from './report';
import type { EntityRecord, IndexedCatalog } from './model/catalog';
import type { EntityRoles } from './model/entityRoles';
import { compareDistinctStrings, compareStrings } from './model/ordering';
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
  /** Ids of the repositories that host components of a domain, sorted. */
  repositoriesOf(domain: EntityRecord): ReadonlyArray<string>;
}

/** The repositories of one domain. */
interface DomainRepositories {
  ids: string[];
  /** Its components in repositories that host no other domain. */
  alone: number;
}

interface Entry {
  /** The location of the first component: its strings are shared. */
  location: RepositoryLocation;
  components: EntityRecord[];
  deployables: EntityRecord[];
  /** The domains of the components, each once. */
  domains: EntityRecord[];
}

const refOf = (record: EntityRecord) => record.ref;

/**
 * Places one component in its repository, if its annotations name one.
 * One function per component, so that V8 optimises it once.
 */
function place(
  record: EntityRecord,
  byId: Map<string, Entry>,
  roles: EntityRoles,
) {
  const component = record.entity;
  const parsed = repositoryOfAnnotations(component.annotations);
  if (!parsed) {
    return;
  }
  let entry = byId.get(parsed.id);
  if (entry) {
    // The components of one repository share its strings: a monorepo's
    // thousands of components keep one copy, not one each.
    const { id, host, org, repo, url } = entry.location;
    record.repository = { id, host, org, repo, path: parsed.path, url };
  } else {
    record.repository = parsed;
    entry = {
      location: parsed,
      components: [],
      deployables: [],
      domains: [],
    };
    byId.set(parsed.id, entry);
  }
  entry.components.push(record);
  if (roles.isDeployable(component)) {
    entry.deployables.push(record);
  }
  const domain = record.domain;
  if (domain !== null) {
    const domains = entry.domains;
    // Neighbours (by ref) mostly share their domain.
    if (domains[domains.length - 1] !== domain && !domains.includes(domain)) {
      domains.push(domain);
    }
  }
}

/**
 * Orders entries by id, `host/org/repo`. Ids mostly share their host and
 * org (`github.com/acme/`): then the repos alone decide, which spares
 * comparing that common beginning again and again.
 */
function inIdOrder(a: Entry, b: Entry): number {
  const x = a.location;
  const y = b.location;
  // Ids are the keys of one Map: never equal.
  return x.host === y.host && x.org === y.org
    ? compareDistinctStrings(x.repo, y.repo)
    : compareDistinctStrings(x.id, y.id);
}

/** The summary of one repository, and what it hosts as records. */
function summarize({ location, components, deployables, domains }: Entry): {
  repository: RepositorySummary;
  hosted: HostedRecords;
} {
  const onlyDomain =
    domains.length === 1 &&
    components.every(component => component.domain === domains[0])
      ? domains[0]
      : null;
  return {
    repository: {
      id: location.id,
      host: location.host,
      org: location.org,
      repo: location.repo,
      url: location.url,
      domains:
        domains.length === 1
          ? [domains[0].ref]
          : domains.map(refOf).sort(compareStrings),
      components: components.map(refOf),
      deployables: deployables.map(refOf),
    },
    hosted: { components, deployables, onlyDomain },
  };
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
    place(record, byId, roles);
  }
  const entries = [...byId.values()].sort(inIdOrder);
  const repositories: RepositorySummary[] = [];
  const hosted: HostedRecords[] = [];
  const byDomain = new Map<EntityRecord, DomainRepositories>();
  for (const entry of entries) {
    const summary = summarize(entry);
    repositories.push(summary.repository);
    hosted.push(summary.hosted);
    // Repositories come in id order: each domain's list comes out sorted.
    for (const domain of entry.domains) {
      let own = byDomain.get(domain);
      if (!own) {
        own = { ids: [], alone: 0 };
        byDomain.set(domain, own);
      }
      own.ids.push(entry.location.id);
      if (summary.hosted.onlyDomain === domain) {
        own.alone += entry.components.length;
      }
    }
  }
  let final: Map<string, RepositorySummary> | undefined;
  return {
    of: ref => catalog.record(ref)?.repository,
    repositories,
    get: id => {
      final ??= new Map(repositories.map(summary => [summary.id, summary]));
      return final.get(id);
    },
    hosted,
    componentsAlone: domain => byDomain.get(domain)?.alone ?? 0,
    repositoriesOf: domain => byDomain.get(domain)?.ids ?? [],
  };
}
