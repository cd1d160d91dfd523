import fc from 'fast-check';
import { makeValidator } from '@backstage/catalog-model';
import { analyze } from './analyze';

const names = ['a', 'b', 'c', 'A', 'd'];
const kinds = [
  'Domain',
  'System',
  'Component',
  'API',
  'Resource',
  'Group',
  'User',
  'component',
  'Location',
  'Weird',
];
const refValue = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map(n => `domain:${n}`),
  fc.constantFrom(...names).map(n => `resource:other/${n}`),
  fc.constantFrom('', ':', 'a:b:c/d/e', 'component:'),
  fc.integer(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), {
    maxKeys: 2,
  }),
);
const refField = fc.oneof(refValue, fc.array(refValue, { maxLength: 4 }));
const annotationValue = fc.oneof(
  fc.constantFrom(
    '0',
    '3',
    '9',
    '2030-01-01',
    '2025-02-30',
    '50',
    '150',
    'true',
    'gateway',
    'x',
  ),
  fc.constantFrom(
    'domain-owned: ok; nope',
    'own-datastore: because',
    'a@^1, b',
    'url:https://github.com/acme/a/tree/main/x',
    'url:https://github.com/acme/B/tree/main/y',
    'https://github.com/zeta/a',
    'https://bitbucket.org/acme/c/src/main/z',
    'git@gitlab.com:g/s/r.git',
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.constant({ nested: true }),
);
const annotationKey = fc.constantFrom(
  'domain-atlas.io/migration-phase',
  'domain-atlas.io/target-phase',
  'domain-atlas.io/target-date',
  'domain-atlas.io/strangler-coverage',
  'domain-atlas.io/exemptions',
  'domain-atlas.io/consumes-contracts',
  'domain-atlas.io/contract',
  'domain-atlas.io/contract-version',
  'domain-atlas.io/role',
  'domain-atlas.io/pipeline',
  'backstage.io/source-location',
  'backstage.io/adr-location',
);
const spec = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'service',
        'website',
        'library',
        'contract',
        'gateway',
        'database',
        'cache',
        'openapi',
        'asyncapi',
        'grpc',
      ),
      fc.integer(),
    ),
    owner: refValue,
    domain: refValue,
    system: refValue,
    subdomainOf: refValue,
    subcomponentOf: refValue,
    parent: refValue,
    children: refField,
    memberOf: refField,
    members: refField,
    providesApis: refField,
    consumesApis: refField,
    dependsOn: refField,
    lifecycle: fc.oneof(fc.constant('production'), fc.integer()),
    definition: fc.oneof(
      fc.constantFrom(
        'openapi: 3.0.0\ninfo:\n  version: 1.0.0',
        '{"info":{"version":2}}',
        'info: [',
        'package a.v2;',
        '',
      ),
      fc.string({ maxLength: 20 }),
      fc.integer(),
    ),
  },
  { requiredKeys: [] },
);
const entity = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        apiVersion: fc.oneof(
          { weight: 9, arbitrary: fc.constant('backstage.io/v1alpha1') },
          { weight: 1, arbitrary: fc.constantFrom('', 'v1 alpha', 7) },
        ),
        kind: fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...kinds) },
          { weight: 1, arbitrary: fc.integer() },
        ),
        metadata: fc.record(
          {
            name: fc.oneof(
              { weight: 9, arbitrary: fc.constantFrom(...names) },
              {
                weight: 1,
                arbitrary: fc.constantFrom('', 'bad name', 'x/y', 7),
              },
            ),
            namespace: fc.constantFrom('default', 'other', 'Default', 5),
            title: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
            annotations: fc.dictionary(annotationKey, annotationValue, {
              maxKeys: 4,
            }),
            labels: fc.dictionary(
              fc.constant('domain-atlas.io/shared-contract'),
              fc.constantFrom('true', 'false'),
            ),
          },
          { requiredKeys: ['name'] },
        ),
        spec: fc.oneof(
          { weight: 8, arbitrary: spec },
          { weight: 1, arbitrary: fc.constantFrom(null, 'spec', 3) },
        ),
      },
      { requiredKeys: ['apiVersion', 'kind', 'metadata'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      42,
      'entity',
      [],
      { kind: 'Component' },
      { metadata: { name: 'x' } },
    ),
  },
);
const catalog = fc.array(entity, { maxLength: 40 });

const MEMBER_KINDS = new Set(['system', 'component', 'api', 'resource']);
const validators = makeValidator();

/** Refs of the system/component/API/resource entities that can be analysed, computed independently. */
function memberRefs(entities: unknown[]): Set<string> {
  const refs = new Set<string>();
  for (const raw of entities as any[]) {
    const kind = raw?.kind;
    const name = raw?.metadata?.name;
    const namespace = raw?.metadata?.namespace ?? 'default';
    if (
      validators.isValidApiVersion(raw?.apiVersion) &&
      validators.isValidKind(kind) &&
      MEMBER_KINDS.has(kind.toLowerCase()) &&
      validators.isValidEntityName(name) &&
      validators.isValidNamespace(namespace) &&
      typeof raw.metadata === 'object'
    ) {
      refs.add(`${kind}:${namespace}/${name}`.toLowerCase());
    }
  }
  return refs;
}

describe('analyze on random catalogs', () => {
  it('never throws, places every member exactly once, and keeps scores in range', () => {
    fc.assert(
      fc.property(catalog, entities => {
        const report = analyze(entities);
        const placed = [
          ...report.domains.flatMap(d => Object.values(d.members).flat()),
          ...Object.values(report.unassigned).flat(),
        ];
        expect(placed.length).toBe(new Set(placed).size);
        expect(new Set(placed)).toEqual(memberRefs(entities));
        for (const d of report.domains) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the lists of the report sorted, whatever the input order', () => {
    const isSorted = (values: ReadonlyArray<string>) =>
      values.every((value, i) => i === 0 || values[i - 1] < value);
    // Components that provide and consume a few APIs and live in a few
    // repositories, in any order: the lists the report builds from them
    // must come out sorted however the input is ordered.
    const apis = ['x', 'y', 'z'];
    const component = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      namespace: fc.constantFrom('default', 'other'),
      provides: fc.subarray(apis),
      consumes: fc.subarray(apis),
      repository: fc.constantFrom(
        'url:https://github.com/acme/one/tree/main/a',
        'https://github.com/acme/two',
        'https://github.com/zeta/one',
        'https://gitlab.com/acme/two',
      ),
    });
    fc.assert(
      fc.property(fc.array(component, { maxLength: 20 }), components => {
        const entities = [
          ...apis.map(name => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'API',
            metadata: { name },
            spec: {},
          })),
          ...components.map(c => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: c.name,
              namespace: c.namespace,
              annotations: { 'backstage.io/source-location': c.repository },
            },
            spec: {
              providesApis: c.provides.map(api => `api:default/${api}`),
              consumesApis: c.consumes.map(api => `api:default/${api}`),
            },
          })),
        ];
        const report = analyze(entities);
        expect(isSorted(report.findings.map(f => f.id))).toBe(true);
        expect(isSorted(report.repositories.map(r => r.id))).toBe(true);
        for (const repository of report.repositories) {
          expect(isSorted(repository.components)).toBe(true);
        }
        for (const contract of report.contracts) {
          expect(isSorted(contract.providers)).toBe(true);
          expect(isSorted(contract.consumers)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives a domain tree without cycles, a deterministic and JSON-serialisable report', () => {
    fc.assert(
      fc.property(catalog, entities => {
        const report = analyze(entities, { now: '2025-01-01' });
        const parents = new Map(report.domains.map(d => [d.ref, d.parent]));
        for (const d of report.domains) {
          let current: string | null = d.ref;
          for (let steps = 0; current !== null; steps++) {
            expect(steps).toBeLessThanOrEqual(report.domains.length);
            current = parents.get(current) ?? null;
          }
        }
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
        expect(analyze(entities, { now: '2025-01-01' })).toEqual(report);
        expect(new Set(report.findings.map(f => f.id)).size).toBe(
          report.findings.length,
        );
      }),
      { numRuns: 200 },
    );
  });
});
