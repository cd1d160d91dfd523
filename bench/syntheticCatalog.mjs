// Seeded synthetic catalogs with the shape of a real organisation in the
// middle of a monorepo → repo-per-domain migration: a group hierarchy,
// domains with subdomains, systems, services and libraries with relations,
// APIs with inline definitions, datastores and caches — and the usual bad
// data (dangling refs, components in no system).
//
// As in a real organisation, entities are mostly owned by their domain's
// team and mostly use their own domain: the rest goes to the domains of
// the same area (a dozen related domains) and to a few platform domains
// that everyone uses. Domains further along their migration have fewer
// components left in their business unit's monorepo and more pipelines.
// So the analysis finds the violations of an organisation mid-migration
// (a few findings per ten entities), not of one where everything calls
// everything.
//
// generateCatalog(size, seed) returns about `size` entities, identical for
// the same arguments.

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entity = (kind, name, spec, metadata = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
  spec,
});

function openapi(name, version, paths) {
  const lines = [
    `openapi: 3.0.3`,
    `info:`,
    `  title: ${name}`,
    `  version: ${version}`,
    `paths:`,
  ];
  for (let i = 0; i < paths; i++) {
    lines.push(
      `  /${name}/items${i}/{id}:`,
      `    get:`,
      `      parameters:`,
      `        - { name: id, in: path, required: true, schema: { type: string } }`,
      `      responses:`,
      `        '200':`,
      `          description: ok`,
      `          content:`,
      `            application/json:`,
      `              schema: { type: object, properties: { id: { type: string }, total: { type: number } } }`,
    );
  }
  return lines.join('\n');
}

function asyncapi(name, version) {
  return [
    `asyncapi: 2.6.0`,
    `info:`,
    `  title: ${name}`,
    `  version: ${version}`,
    `channels:`,
    `  ${name}.created:`,
    `    subscribe:`,
    `      message:`,
    `        payload: { type: object, properties: { id: { type: string } } }`,
  ].join('\n');
}

/** Domains per area (a department's neighbourhood of related domains). */
const AREA_SIZE = 12;
/**
 * Domains per business unit. Each unit started from its own monorepo, as
 * large organisations usually have several (one hosting every domain of
 * the organisation would make every domain's repo-per-domain finding name
 * all the others: a report that grows with the square of the domains).
 */
const UNIT_SIZE = 4 * AREA_SIZE;

/**
 * @param {number} size - about how many entities to generate
 * @param {number} seed
 */
export function generateCatalog(size, seed = 42) {
  const random = prng(seed);
  const pick = items => items[Math.floor(random() * items.length)];
  const chance = p => random() < p;

  const entities = [];
  const teamCount = Math.max(3, Math.round(size / 100));
  const domainCount = Math.max(2, Math.round(size / 60));
  const systemCount = Math.max(2, Math.round(size / 30));
  // Platform domains (identity, payments, notifications, …) serve every
  // other domain; the rest mostly talk within their own area.
  const platformCount = Math.max(1, Math.round(domainCount * 0.02));

  // Groups: an organisation, departments, teams.
  const departments = Math.max(1, Math.round(teamCount / 8));
  entities.push(entity('Group', 'org', { type: 'organization', children: [] }));
  const teams = [];
  for (let d = 0; d < departments; d++) {
    entities.push(
      entity('Group', `dept-${d}`, {
        type: 'department',
        parent: 'org',
        children: [],
      }),
    );
  }
  for (let t = 0; t < teamCount; t++) {
    const name = `team-${t}`;
    teams.push(name);
    entities.push(
      entity('Group', name, {
        type: 'team',
        parent: `dept-${t % departments}`,
        children: [],
      }),
    );
  }

  // Domains, some of them subdomains; a few with a dangling owner. Each
  // domain is somewhere on its migration: the further along, the fewer
  // components it still has in the monorepo and the more have pipelines.
  const domains = [];
  for (let d = 0; d < domainCount; d++) {
    const name = `domain-${d}`;
    const team = pick(teams);
    const phase = Math.floor(random() * 4);
    domains.push({ index: d, name, team, phase, systems: [] });
    const spec = {
      owner: chance(0.03) ? 'group:default/gone-team' : team,
    };
    if (d > 4 && chance(0.2)) spec.subdomainOf = pick(domains.slice(0, d)).name;
    entities.push(
      entity('Domain', name, spec, {
        annotations: {
          'domain-atlas.io/migration-phase': String(phase),
          ...(chance(0.5)
            ? {
                'backstage.io/adr-location': `https://git.example.com/${name}/adr`,
              }
            : {}),
          ...(chance(0.4)
            ? {
                'domain-atlas.io/target-phase': '3',
                'domain-atlas.io/target-date': '2027-06-30',
              }
            : {}),
        },
      }),
    );
  }
  const isPlatform = domain => domain.index < platformCount;

  // Most entities are owned by their system's team; in domains that have
  // not started their migration some drifted to another team
  // (single-owner findings).
  const drift = [0.04, 0.002, 0.002, 0.001];
  const ownerIn = system =>
    chance(drift[system.domain.phase]) ? pick(teams) : system.team;
  for (let s = 0; s < systemCount; s++) {
    const domain = domains[s % domains.length];
    const system = {
      name: `system-${s}`,
      domain,
      team: chance(drift[domain.phase]) ? pick(teams) : domain.team,
    };
    domain.systems.push(system);
    entities.push(
      entity('System', system.name, {
        owner: system.team,
        domain: domain.name,
      }),
    );
  }
  for (const domain of domains) {
    Object.assign(domain, {
      apis: [],
      asyncApis: [],
      datastores: [],
      caches: [],
      libraries: [],
    });
  }

  /**
   * The domain an entity of `home` talks to: its own mostly, else another
   * domain of its area, else a platform domain. Platform domains only use
   * each other.
   */
  const partnerOf = (home, own, area) => {
    const draw = random();
    if (draw < own) return home;
    if (draw < own + area && !isPlatform(home)) {
      const first = Math.floor(home.index / AREA_SIZE) * AREA_SIZE;
      const last = Math.min(first + AREA_SIZE, domains.length);
      return domains[first + Math.floor(random() * (last - first))];
    }
    return domains[Math.floor(random() * platformCount)];
  };
  const pickIn = (home, list, own, area) => {
    const items = partnerOf(home, own, area)[list];
    return items.length ? pick(items) : undefined;
  };

  const remaining = Math.max(0, size - entities.length);
  const apiCount = Math.round(remaining * 0.17);
  const resourceCount = Math.round(remaining * 0.1);
  const componentCount = remaining - apiCount - resourceCount;

  for (let a = 0; a < apiCount; a++) {
    const name = `api-${a}`;
    const isAsync = chance(0.3);
    const system = pick(pick(domains).systems);
    system.domain[isAsync ? 'asyncApis' : 'apis'].push(name);
    const version = `${1 + Math.floor(random() * 3)}.${Math.floor(
      random() * 10,
    )}.0`;
    entities.push(
      entity('API', name, {
        type: isAsync ? 'asyncapi' : 'openapi',
        lifecycle: 'production',
        owner: ownerIn(system),
        system: system.name,
        definition: isAsync
          ? asyncapi(name, version)
          : openapi(name, version, 2 + Math.floor(random() * 6)),
      }),
    );
  }

  for (let r = 0; r < resourceCount; r++) {
    const isCache = chance(0.25);
    const name = `${isCache ? 'cache' : 'db'}-${r}`;
    const system = pick(pick(domains).systems);
    system.domain[isCache ? 'caches' : 'datastores'].push(name);
    entities.push(
      entity('Resource', name, {
        type: isCache ? 'cache' : 'database',
        owner: ownerIn(system),
        system: system.name,
      }),
    );
  }

  for (let c = 0; c < componentCount; c++) {
    const isLibrary = chance(0.2);
    const name = `${isLibrary ? 'lib' : 'svc'}-${c}`;
    const domain = pick(domains);
    const system = pick(domain.systems);
    const inMonorepo = chance([0.8, 0.7, 0.5, 0.1][domain.phase]);
    const repo = inMonorepo
      ? `url:https://github.com/org/monorepo-${Math.floor(
          domain.index / UNIT_SIZE,
        )}/tree/main/services/${name}`
      : `url:https://github.com/org/${
          chance(0.1) ? `${domain.name}-shared-${c % 5}` : name
        }`;
    const spec = {
      type: isLibrary
        ? 'library'
        : pick(['service', 'service', 'service', 'website']),
      lifecycle: 'production',
      owner: ownerIn(system),
      // A few components were never given a system.
      ...(chance(0.03) ? {} : { system: system.name }),
    };
    if (!isLibrary) {
      const provided = domain.apis.length && chance(0.5);
      spec.providesApis = provided ? [pick(domain.apis)] : [];
      spec.consumesApis = [];
      for (let i = 0; i < 3; i++) {
        const api = chance(0.5) && pickIn(domain, 'apis', 0.85, 0.1);
        if (api) spec.consumesApis.push(api);
      }
      const events = chance(0.5) && pickIn(domain, 'asyncApis', 0.4, 0.45);
      if (events) spec.consumesApis.push(events);
      spec.dependsOn = [];
      const datastore = chance(0.7) && pickIn(domain, 'datastores', 0.95, 0.04);
      if (datastore) spec.dependsOn.push(`resource:${datastore}`);
      const cache = chance(0.3) && pickIn(domain, 'caches', 0.9, 0.08);
      if (cache) spec.dependsOn.push(`resource:${cache}`);
      const library = chance(0.4) && pickIn(domain, 'libraries', 0.8, 0.1);
      if (library) spec.dependsOn.push(`component:${library}`);
      if (chance(0.02)) spec.dependsOn.push('component:does-not-exist');
    } else {
      domain.libraries.push(name);
    }
    const pipeline = chance([0.5, 0.8, 0.995, 0.998][domain.phase]);
    entities.push(
      entity('Component', name, spec, {
        annotations: {
          'backstage.io/source-location': repo,
          ...(pipeline
            ? { 'domain-atlas.io/pipeline': `https://ci.example.com/${name}` }
            : {}),
        },
      }),
    );
  }
  return entities;
}
