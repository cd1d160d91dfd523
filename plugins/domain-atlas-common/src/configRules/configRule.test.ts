import { ConfigReader } from '@backstage/config';
import fc from 'fast-check';
import type { Entity } from '@backstage/catalog-model';
import { analyze } from '../analyze';
import type { DomainAtlasRule } from '../rules/types';
import { readAnalysisOptionsFromConfig } from '../configuredOptions';
import { component, domain, group, system } from '../testing/catalogBuilders';

/** A Component `name` with extra metadata and spec. */
function entity(
  name: string,
  metadata: Partial<Entity['metadata']> = {},
  spec: Record<string, unknown> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...metadata },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

/** Analyses `entities` with `domainAtlas` config; the findings of rule `checked`. */
function run(entities: Entity[], domainAtlas: object) {
  const options = readAnalysisOptionsFromConfig(
    new ConfigReader({ domainAtlas } as any, 'app-config.yaml'),
  );
  const report = analyze(entities, options);
  return {
    report,
    findings: report.findings.filter(f => f.rule === 'checked'),
  };
}

const rule = (require: object, filter?: object) => ({
  id: 'checked',
  principle: 'Catalog hygiene',
  description: 'What the test checks',
  ...(filter ? { filter } : {}),
  require,
});

const flagged = (entities: Entity[], require: object, filter?: object) =>
  run(entities, { customRules: [rule(require, filter)] }).findings.map(
    f => f.entities,
  );

describe('config rules: requirements', () => {
  it.each<[string, object, Entity, Entity, string]>([
    [
      'annotation present',
      { annotation: { key: 'backstage.io/techdocs-ref' } },
      entity('good', { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } }),
      entity('bad', { annotations: { 'backstage.io/other': 'x' } }),
      'component:default/bad has no annotation backstage.io/techdocs-ref',
    ],
    [
      'annotation matching a pattern',
      {
        annotation: {
          key: 'backstage.io/source-location',
          pattern: '^url:https://github\\.com/',
        },
      },
      entity('good', {
        annotations: {
          'backstage.io/source-location': 'url:https://github.com/acme/x',
        },
      }),
      entity('bad', {
        annotations: {
          'backstage.io/source-location': 'url:https://gitlab.com/acme/x',
        },
      }),
      'component:default/bad: annotation backstage.io/source-location is "url:https://gitlab.com/acme/x", which does not match /^url:https:\\/\\/github\\.com\\//',
    ],
    [
      'label present',
      { label: { key: 'tier' } },
      entity('good', { labels: { tier: '1' } }),
      entity('bad', { labels: { team: 'x' } }),
      'component:default/bad has no label tier',
    ],
    [
      'label matching a pattern',
      { label: { key: 'tier', pattern: '^[123]$' } },
      entity('good', { labels: { tier: '2' } }),
      entity('bad', { labels: { tier: 'gold' } }),
      'component:default/bad: label tier is "gold", which does not match /^[123]$/',
    ],
    [
      'spec field present',
      { spec: { field: 'system' } },
      entity('good', {}, { system: 'shop' }),
      entity('bad'),
      'component:default/bad has no spec.system',
    ],
    [
      'nested spec field present',
      { spec: { field: 'deploy.region' } },
      entity('good', {}, { deploy: { region: 'eu-west-1' } }),
      entity('bad', {}, { deploy: { zone: 'a' } }),
      'component:default/bad has no spec.deploy.region',
    ],
    [
      'spec field equal (any of a list, case-insensitive)',
      { spec: { field: 'lifecycle', equals: ['production', 'deprecated'] } },
      entity('good', {}, { lifecycle: 'Production' }),
      entity('bad', {}, { lifecycle: 'experimental' }),
      'component:default/bad: spec.lifecycle is "experimental", not "production" or "deprecated"',
    ],
    [
      'link with a type',
      { link: { type: 'runbook' } },
      entity('good', {
        links: [{ url: 'https://r.acme.io/good', type: 'runbook' }],
      }),
      entity('bad', {
        links: [{ url: 'https://d.acme.io/bad', type: 'dashboard' }],
      }),
      'component:default/bad has no link (metadata.links) with type "runbook"',
    ],
    [
      'link with a title',
      { link: { title: 'On-call' } },
      entity('good', {
        links: [{ url: 'https://o.acme.io', title: 'on-call' }],
      }),
      entity('bad'),
      'component:default/bad has no link (metadata.links) with title "On-call"',
    ],
    [
      'link with a type and a title, on one link',
      { link: { type: 'runbook', title: 'On-call' } },
      entity('good', {
        links: [
          { url: 'https://d.acme.io', type: 'dashboard' },
          { url: 'https://r.acme.io', type: 'runbook', title: 'On-call' },
        ],
      }),
      entity('bad', {
        links: [
          { url: 'https://r.acme.io', type: 'runbook' },
          { url: 'https://o.acme.io', title: 'On-call' },
        ],
      }),
      'component:default/bad has no link (metadata.links) with type "runbook" and title "On-call"',
    ],
    [
      'description present',
      { description: true },
      entity('good', { description: 'Takes orders' }),
      entity('bad', { description: '' }),
      'component:default/bad has no description (metadata.description)',
    ],
    [
      'tags include (any of a list)',
      { tag: ['java', 'kotlin'] },
      entity('good', { tags: ['kotlin', 'grpc'] }),
      entity('bad', { tags: ['python'] }),
      'component:default/bad has no tag "java" or "kotlin"',
    ],
  ])(
    '%s: fires on the entity without it only',
    (_, require, good, bad, message) => {
      const { findings } = run([good, bad], { customRules: [rule(require)] });
      expect(
        findings.map(({ entities, message: text, severity }) => ({
          entities,
          message: text,
          severity,
        })),
      ).toEqual([
        { entities: ['component:default/bad'], message, severity: 'warning' },
      ]);
    },
  );

  it('says an annotation is missing rather than mismatched when it is absent', () => {
    const { findings } = run([entity('bare')], {
      customRules: [rule({ annotation: { key: 'owner-email', pattern: '@' } })],
    });
    expect(findings.map(f => f.message)).toEqual([
      'component:default/bare has no annotation owner-email',
    ]);
  });
});

describe('config rules: filters', () => {
  const catalog = [
    entity('service-a'),
    entity('library-b', {}, { type: 'library' }),
    entity('trial-c', {}, { lifecycle: 'experimental' }),
    entity('payments-d', { namespace: 'payments' }),
    entity('documented-e', {
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    }),
    entity('tiered-f', { labels: { tier: '1' } }),
    entity('api-g', {}, { type: 'openapi' }, 'API'),
  ];
  const names = (found: string[][]) =>
    found.map(([ref]) => ref.slice(ref.indexOf('/') + 1));

  it.each<[string, object, string[]]>([
    ['no filter: every entity', {}, catalog.map(e => e.metadata.name)],
    ['kind (case-insensitive)', { kind: 'api' }, ['api-g']],
    [
      'kind, any of a list',
      { kind: ['API', 'Component'] },
      catalog.map(e => e.metadata.name),
    ],
    ['spec.type', { kind: 'Component', type: 'library' }, ['library-b']],
    ['lifecycle', { lifecycle: ['experimental'] }, ['trial-c']],
    ['namespace', { namespace: 'payments' }, ['payments-d']],
    [
      'has an annotation (any of a list)',
      { hasAnnotation: ['backstage.io/techdocs-ref', 'backstage.io/nothing'] },
      ['documented-e'],
    ],
    ['has a label', { hasLabel: 'tier' }, ['tiered-f']],
    [
      'every part given must hold',
      {
        kind: 'Component',
        type: 'service',
        lifecycle: 'production',
        namespace: 'default',
      },
      ['service-a', 'documented-e', 'tiered-f'],
    ],
  ])('%s', (_, filter, expected) => {
    const found = names(flagged(catalog, { description: true }, filter));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  // Two domains: `owned` reaches evidence phase 1 and declares 2; `orphan`
  // has no owner (evidence 0) and declares 1.
  const phased = [
    group('team'),
    domain(
      'owned',
      { owner: 'team' },
      {
        annotations: { 'domain-atlas.io/migration-phase': '2' },
      },
    ),
    domain(
      'orphan',
      {},
      {
        annotations: { 'domain-atlas.io/migration-phase': '1' },
      },
    ),
    system('owned-system', { owner: 'team', domain: 'owned' }),
    system('orphan-system', { owner: 'team', domain: 'orphan' }),
    component('in-owned', { owner: 'team', system: 'owned-system' }),
    component('in-orphan', { owner: 'team', system: 'orphan-system' }),
    component('in-none', { owner: 'team' }),
  ];

  it.each<[string, object, string[]]>([
    ['declared phase ≥ 2', { declared: 2 }, ['in-owned']],
    ['declared phase ≥ 1', { declared: 1 }, ['in-orphan', 'in-owned']],
    ['evidence phase ≥ 1', { evidence: 1 }, ['in-owned']],
    [
      'evidence phase ≥ 0: every entity in a domain',
      { evidence: 0 },
      ['in-orphan', 'in-owned'],
    ],
    ['declared and evidence phase', { evidence: 1, declared: 1 }, ['in-owned']],
  ])("the domain's %s", (_, phase, expected) => {
    const { report, findings } = run(phased, {
      customRules: [
        rule({ annotation: { key: 'x' } }, { kind: 'Component', phase }),
      ],
    });
    expect(findings.map(f => f.entities[0])).toEqual(
      expected.map(name => `component:default/${name}`),
    );
    // The evidence phase is the one the report shows, and the rule's
    // findings do not change it.
    expect(report.domains.map(d => [d.ref, d.phase.evidence])).toEqual([
      ['domain:default/orphan', 0],
      ['domain:default/owned', 1],
    ]);
  });

  it('a rule that filters by evidence phase sees the phase the report shows, whichever rules fail', () => {
    const catalogWithSharing = [
      ...phased,
      group('others'),
      // Shared ownership: owned drops to evidence 0.
      component('foreign', { owner: 'others', system: 'owned-system' }),
    ];
    const { report, findings } = run(catalogWithSharing, {
      customRules: [
        rule({ annotation: { key: 'x' } }, { phase: { evidence: 1 } }),
      ],
    });
    expect(report.domains.map(d => d.phase.evidence)).toEqual([0, 0]);
    expect(findings).toEqual([]);
  });
});

describe('config rules are first-class rules', () => {
  const catalog = [
    group('team'),
    domain('shop', { owner: 'team' }),
    system('shop-system', { owner: 'team', domain: 'shop' }),
    component('cart', { owner: 'team', system: 'shop-system' }),
    component(
      'legacy',
      { owner: 'team', system: 'shop-system' },
      {
        annotations: {
          'domain-atlas.io/exemptions': 'checked: retired next quarter',
        },
      },
    ),
  ];
  const customRules = [rule({ description: true }, { kind: 'Component' })];

  it('are listed in the report, belong to the domain, can be waived and count in the score', () => {
    const { report, findings } = run(catalog, { customRules });

    expect(report.rules).toContainEqual({
      id: 'checked',
      principle: 'Catalog hygiene',
      description: 'What the test checks',
      defaultSeverity: 'warning',
      severity: 'warning',
      enabled: true,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'checked:domain:default/shop:component:default/cart',
        domain: 'domain:default/shop',
        waived: false,
      }),
      expect.objectContaining({
        id: 'checked:domain:default/shop:component:default/legacy',
        waived: true,
        waiver: 'retired next quarter',
      }),
    ]);
    expect(report.domains[0].findingCounts).toMatchObject({
      warning: 1,
      waived: 1,
    });
    // The unwaived warning takes 5 points; the waived finding none.
    const described = catalog.map(each =>
      each.metadata.name === 'cart'
        ? { ...each, metadata: { ...each.metadata, description: 'Cart' } }
        : each,
    );
    expect(run(described, { customRules }).report.domains[0].score).toBe(
      report.domains[0].score + 5,
    );
  });

  it('are configured in domainAtlas.rules like the others', () => {
    expect(
      run(catalog, {
        customRules,
        rules: { checked: { severity: 'error' } },
      }).findings.map(f => f.severity),
    ).toEqual(['error', 'error']);
    const off = run(catalog, {
      customRules,
      rules: { checked: { enabled: false } },
    });
    expect(off.findings).toEqual([]);
    expect(off.report.rules).toContainEqual(
      expect.objectContaining({ id: 'checked', enabled: false }),
    );
  });

  it('take their severity from the config', () => {
    expect(
      run(catalog, {
        customRules: [{ ...customRules[0], severity: 'info' }],
      }).findings.map(f => f.severity),
    ).toEqual(['info', 'info']);
  });
});

describe('evidencePhaseOf, for rules of backend modules', () => {
  const catalog = [
    group('team'),
    domain('shop', { owner: 'team' }),
    system('shop-system', { owner: 'team', domain: 'shop' }),
    component('cart', { owner: 'team', system: 'shop-system' }),
  ];
  const phaseRule = (needsEvidencePhase?: boolean): DomainAtlasRule => ({
    id: 'phase-reader',
    principle: 'p',
    description: 'd',
    defaultSeverity: 'info',
    ...(needsEvidencePhase ? { needsEvidencePhase } : {}),
    *evaluate(context) {
      yield {
        subject: 'domain:default/shop',
        entities: [],
        message: `evidence ${context.evidencePhaseOf(
          'domain:default/shop',
        )}, ${context.evidencePhaseOf(
          'component:default/cart',
        )} for a component`,
      };
    },
  });
  const messages = (phaseReader: DomainAtlasRule) =>
    analyze(catalog, { extraRules: [phaseReader] })
      .findings.filter(f => f.rule === 'phase-reader')
      .map(f => f.message);

  it('answers rules that set needsEvidencePhase', () => {
    expect(messages(phaseRule(true))).toEqual([
      'evidence 1, null for a component',
    ]);
  });

  it('fails the rules that do not, saying why', () => {
    expect(messages(phaseRule())).toEqual([
      'The rule phase-reader failed and its results are incomplete: evidencePhaseOf is known only to rules that set needsEvidencePhase',
    ]);
  });
});

describe('config rules on any catalog data', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('production', 'Service', 'runbook', 'java', ''),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom('type', 'title', 'url'), fc.string(), {
      maxKeys: 3,
    }),
  );
  const messy = fc.record(
    {
      kind: fc.constantFrom('Component', 'API', 'Domain', 'System'),
      name: fc.constantFrom('a', 'b', 'c', 'shop'),
      namespace: fc.constantFrom('default', 'other'),
      annotations: fc.oneof(
        value,
        fc.dictionary(fc.constantFrom('tier', 'x', 'y.io/z'), value),
      ),
      labels: fc.oneof(value, fc.dictionary(fc.constantFrom('tier'), value)),
      tags: fc.oneof(value, fc.array(value, { maxLength: 3 })),
      links: fc.oneof(value, fc.array(value, { maxLength: 3 })),
      description: value,
      spec: fc.oneof(
        value,
        fc.dictionary(
          fc.constantFrom('type', 'lifecycle', 'system', 'domain', 'owner'),
          value,
        ),
      ),
    },
    { requiredKeys: ['kind', 'name'] },
  );
  const toEntity = ({ kind, name, spec, ...metadata }: any) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...metadata },
    spec,
  });
  const requirements = [
    { annotation: { key: 'tier', pattern: '^[0-9]+$' } },
    { label: { key: 'tier' } },
    { spec: { field: 'lifecycle', equals: ['production', 1, true] } },
    { link: { type: 'runbook', title: 'x' } },
    { description: true },
    { tag: ['java', 'go'] },
  ];
  const filter = {
    kind: ['Component', 'API', 'Domain'],
    type: ['service', 'Service', 'website'],
    phase: { evidence: 0, declared: 0 },
  };

  it('never fail, and name only entities of their filter', () => {
    fc.assert(
      fc.property(fc.array(messy, { maxLength: 12 }), raw => {
        const customRules = requirements.map((require, index) => ({
          ...rule(require, index % 2 === 0 ? filter : undefined),
          id: `checked-${index}`,
        }));
        const entities = raw.map(toEntity);
        const options = readAnalysisOptionsFromConfig(
          new ConfigReader({ domainAtlas: { customRules } }),
        );
        const report = analyze(entities, options);
        const checked = report.findings.filter(f =>
          f.rule.startsWith('checked-'),
        );
        expect(checked.filter(f => f.id.endsWith(':failed'))).toEqual([]);
        expect(checked.filter(f => f.entities.length !== 1)).toEqual([]);
        // The rules with a phase filter name only entities in a domain.
        expect(
          checked.filter(
            f =>
              Number(f.rule.slice(-1)) % 2 === 0 &&
              (f.domain === null ||
                !/^(component|api|domain):/.test(f.entities[0])),
          ),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
