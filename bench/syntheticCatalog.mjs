// Seeded synthetic catalogs with the shape of a real organisation in the
// middle of a monorepo → repo-per-domain migration: a group hierarchy,
// domains with subdomains, systems, services and libraries with relations,
// APIs with inline definitions, datastores and caches — and the usual bad
// data (dangling refs, components in no system).
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

  // Domains, some of them subdomains; a few with a dangling owner.
  const domains = [];
  for (let d = 0; d < domainCount; d++) {
    const name = `domain-${d}`;
    domains.push(name);
    const spec = {
      owner: chance(0.03) ? 'group:default/gone-team' : pick(teams),
    };
    if (d > 4 && chance(0.2)) spec.subdomainOf = pick(domains.slice(0, d));
    entities.push(
      entity('Domain', name, spec, {
        annotations: {
          'domain-atlas.io/migration-phase': String(Math.floor(random() * 4)),
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

  const systems = [];
  for (let s = 0; s < systemCount; s++) {
    const name = `system-${s}`;
    systems.push(name);
    entities.push(
      entity('System', name, {
        owner: pick(teams),
        domain: domains[s % domains.length],
      }),
    );
  }

  const remaining = Math.max(0, size - entities.length);
  const apiCount = Math.round(remaining * 0.17);
  const resourceCount = Math.round(remaining * 0.1);
  const componentCount = remaining - apiCount - resourceCount;

  const apis = [];
  const asyncApis = [];
  for (let a = 0; a < apiCount; a++) {
    const name = `api-${a}`;
    const isAsync = chance(0.3);
    (isAsync ? asyncApis : apis).push(name);
    const version = `${1 + Math.floor(random() * 3)}.${Math.floor(
      random() * 10,
    )}.0`;
    entities.push(
      entity('API', name, {
        type: isAsync ? 'asyncapi' : 'openapi',
        lifecycle: 'production',
        owner: pick(teams),
        system: pick(systems),
        definition: isAsync
          ? asyncapi(name, version)
          : openapi(name, version, 2 + Math.floor(random() * 6)),
      }),
    );
  }

  const datastores = [];
  const caches = [];
  for (let r = 0; r < resourceCount; r++) {
    const isCache = chance(0.25);
    const name = `${isCache ? 'cache' : 'db'}-${r}`;
    (isCache ? caches : datastores).push(name);
    entities.push(
      entity('Resource', name, {
        type: isCache ? 'cache' : 'database',
        owner: pick(teams),
        system: pick(systems),
      }),
    );
  }

  const libraries = [];
  for (let c = 0; c < componentCount; c++) {
    const isLibrary = chance(0.2);
    const name = `${isLibrary ? 'lib' : 'svc'}-${c}`;
    const system = chance(0.03) ? undefined : pick(systems);
    const inMonorepo = chance(0.5);
    const repo = inMonorepo
      ? `url:https://github.com/org/monorepo/tree/main/services/${name}`
      : `url:https://github.com/org/${chance(0.1) ? `shared-${c % 50}` : name}`;
    const spec = {
      type: isLibrary
        ? 'library'
        : pick(['service', 'service', 'service', 'website']),
      lifecycle: 'production',
      owner: pick(teams),
      ...(system ? { system } : {}),
    };
    if (!isLibrary) {
      spec.providesApis = apis.length && chance(0.5) ? [pick(apis)] : [];
      spec.consumesApis = [];
      for (let i = 0; i < 3; i++)
        if (apis.length && chance(0.5)) spec.consumesApis.push(pick(apis));
      if (asyncApis.length && chance(0.5))
        spec.consumesApis.push(pick(asyncApis));
      spec.dependsOn = [];
      if (datastores.length && chance(0.7))
        spec.dependsOn.push(`resource:${pick(datastores)}`);
      if (caches.length && chance(0.3))
        spec.dependsOn.push(`resource:${pick(caches)}`);
      if (libraries.length && chance(0.4))
        spec.dependsOn.push(`component:${pick(libraries)}`);
      if (chance(0.02)) spec.dependsOn.push('component:does-not-exist');
    } else {
      libraries.push(name);
    }
    entities.push(
      entity('Component', name, spec, {
        annotations: {
          'backstage.io/source-location': repo,
          ...(chance(0.6)
            ? { 'domain-atlas.io/pipeline': `https://ci.example.com/${name}` }
            : {}),
        },
      }),
    );
  }
  return entities;
}
