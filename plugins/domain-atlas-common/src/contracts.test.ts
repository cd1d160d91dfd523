import { analyze } from './analyze';
import { protobufVersion } from './contractDefinitions';
import { api, component, domain, system } from './testing/catalogBuilders';

const contractsOf = (entities: Parameters<typeof analyze>[0], options = {}) =>
  Object.fromEntries(
    analyze(entities, options).contracts.map(c => [c.ref.split('/')[1], c]),
  );

describe('contract versions', () => {
  it.each([
    [
      'OpenAPI YAML',
      api('x', {
        definition: 'openapi: 3.0.0\ninfo:\n  title: X\n  version: 2.1.0\n',
      }),
      '2.1.0',
      'definition',
    ],
    [
      'OpenAPI JSON',
      api('x', {
        definition:
          '{"openapi":"3.0.0","info":{"title":"X","version":"1.0.0"}}',
      }),
      '1.0.0',
      'definition',
    ],
    [
      'AsyncAPI with a numeric version',
      api('x', {
        type: 'asyncapi',
        definition: 'asyncapi: 2.6.0\ninfo:\n  version: 3\n',
      }),
      '3',
      'definition',
    ],
    [
      'a definition object (YAML files read as data)',
      api('x', { definition: { info: { version: '4.0.0' } } }),
      '4.0.0',
      'definition',
    ],
    [
      'protobuf package',
      api('x', {
        type: 'grpc',
        definition: 'syntax = "proto3";\npackage acme.orders.v2;\n',
      }),
      '2',
      'definition',
    ],
    [
      'the annotation',
      api(
        'x',
        {},
        { annotations: { 'domain-atlas.io/contract-version': '1.4' } },
      ),
      '1.4',
      'annotation',
    ],
    ['the name suffix', api('x-v3', { type: 'graphql' }), '3', 'name'],
    [
      'nothing',
      api('x', { definition: 'openapi: 3.0.0\ninfo:\n  title: X\n' }),
      null,
      null,
    ],
  ])('%s', (_name, entity, version, versionSource) => {
    const [contract] = analyze([entity]).contracts;
    expect(contract).toMatchObject({ version, versionSource });
  });

  it('prefers the definition over the annotation over the name', () => {
    const contracts = contractsOf([
      api(
        'a-v1',
        { definition: 'info:\n  version: 9.0.0' },
        { annotations: { 'domain-atlas.io/contract-version': '5' } },
      ),
      api(
        'b-v1',
        {},
        { annotations: { 'domain-atlas.io/contract-version': '5' } },
      ),
    ]);
    expect(contracts['a-v1'].version).toBe('9.0.0');
    expect(contracts['b-v1'].version).toBe('5');
  });

  it('turns unparsable, non-object and oversized definitions into findings, never throws', () => {
    const report = analyze(
      [
        api('broken', { definition: 'openapi: [unclosed\n  info: {' }),
        api('scalar', { definition: 'just text' }),
        api('huge', {
          definition: `openapi: 3.0.0\ninfo:\n  version: 1.0.0\n# ${'x'.repeat(
            200,
          )}`,
        }),
        api('refs', {
          definition:
            'openapi: 3.0.0\ninfo:\n  $ref: "https://example.com/info.yaml"\n',
        }),
      ],
      { maxDefinitionSize: 100 },
    );
    expect(
      report.findings
        .filter(f => f.rule === 'malformed-definition')
        .map(f => f.entities[0]),
    ).toEqual(['api:default/broken', 'api:default/huge', 'api:default/scalar']);
    expect(report.contracts.every(c => c.version === null)).toBe(true);
  });

  describe('a definition cache', () => {
    const version = '2.0.0';
    const definition = `openapi: 3.0.0\ninfo:\n  version: ${version}\npaths: {}\n`;
    const broken =
      'openapi: 3.0.0\ninfo:\n  version: 1.0.0\npaths: [unclosed\n';

    it('keeps what parsing each definition in full gave', () => {
      const cache = new Map();
      analyze(
        [api('ok', { definition }), api('broken', { definition: broken })],
        {
          strictDefinitions: true,
          definitionCache: cache,
        },
      );
      expect(cache.get(definition)).toEqual({ version });
      expect(cache.get(broken)).toEqual({
        problem: expect.stringMatching(/^does not parse: /),
      });
    });

    it('answers from the cache instead of parsing a definition again', () => {
      // An outcome no parse of this text gives: proof the cache was asked.
      const cache = new Map([[broken, { version: '9.9.9' }]]);
      const report = analyze([api('broken', { definition: broken })], {
        strictDefinitions: true,
        definitionCache: cache,
      });
      expect(report.contracts[0].version).toBe('9.9.9');
      expect(
        report.findings.filter(f => f.rule === 'malformed-definition'),
      ).toEqual([]);
    });

    it('leaves the report as it is, cold or warm', () => {
      const entities = [
        api('ok', { definition }),
        api('broken', { definition: broken }),
        api('scanned', { definition: 'info:\n  version: 1.0.0\n' }),
      ];
      const options = { strictDefinitions: true, now: '2026-01-01' };
      const without = analyze(entities, options);
      const cache = new Map();
      expect(analyze(entities, { ...options, definitionCache: cache })).toEqual(
        without,
      );
      expect(analyze(entities, { ...options, definitionCache: cache })).toEqual(
        without,
      );
      expect(
        analyze(entities, { now: '2026-01-01', definitionCache: cache }),
      ).toEqual(analyze(entities, { now: '2026-01-01' }));
    });
  });

  it('reads the major version from a protobuf package', () => {
    expect(protobufVersion('package acme.orders.v10;')).toBe('10');
    expect(protobufVersion('package acme.orders.v1beta1;')).toBe('1');
    expect(protobufVersion('package acme.orders;')).toBeUndefined();
  });
});

describe('contract families, domains, providers, consumers and pins', () => {
  const entities = [
    domain('orders'),
    system('orders-system', { domain: 'orders' }),
    api('orders-api-v1', {
      system: 'orders-system',
      lifecycle: 'deprecated',
      definition: 'info:\n  version: 1.3.0',
    }),
    api('orders-api-v2', {
      system: 'orders-system',
      definition: 'info:\n  version: 2.0.1',
    }),
    api(
      'order-events',
      { type: 'asyncapi' },
      {
        annotations: {
          'domain-atlas.io/contract': 'orders-events',
          'domain-atlas.io/contract-version': '1.2.0',
        },
      },
    ),
    component('orders-svc', {
      system: 'orders-system',
      providesApis: ['orders-api-v1', 'orders-api-v2', 'order-events'],
    }),
    component(
      'checkout',
      { consumesApis: ['orders-api-v2'] },
      {
        annotations: {
          'domain-atlas.io/consumes-contracts':
            'orders-api@^2, orders-events@1.x',
        },
      },
    ),
    component(
      'legacy',
      { consumesApis: ['orders-api-v1'] },
      {
        annotations: {
          'domain-atlas.io/consumes-contracts': 'orders-api@~1.3',
        },
      },
    ),
  ];

  it('groups versions into a family and checks each pin against the versions its consumer uses', () => {
    const contracts = contractsOf(entities);
    expect(contracts['orders-api-v2']).toEqual({
      ref: 'api:default/orders-api-v2',
      title: 'orders-api-v2',
      domain: 'domain:default/orders',
      type: 'openapi',
      version: '2.0.1',
      versionSource: 'definition',
      family: 'orders-api',
      lifecycle: 'production',
      providers: ['component:default/orders-svc'],
      consumers: ['component:default/checkout'],
      pins: [
        {
          consumer: 'component:default/checkout',
          range: '^2',
          satisfied: true,
        },
      ],
    });
    expect(contracts['orders-api-v1']).toMatchObject({
      family: 'orders-api',
      lifecycle: 'deprecated',
      pins: [
        {
          consumer: 'component:default/legacy',
          range: '~1.3',
          satisfied: true,
        },
      ],
    });
    // An API without a system belongs to the domain of its provider.
    expect(contracts['order-events']).toMatchObject({
      family: 'orders-events',
      domain: 'domain:default/orders',
      versionSource: 'annotation',
      pins: [
        {
          consumer: 'component:default/checkout',
          range: '1.x',
          satisfied: true,
        },
      ],
    });
  });

  it('reports malformed pins', () => {
    const report = analyze([
      component(
        'c',
        {},
        {
          annotations: {
            'domain-atlas.io/consumes-contracts': 'orders-api, ok@1',
          },
        },
      ),
    ]);
    expect(
      report.findings
        .filter(f => f.rule === 'invalid-annotation')
        .map(f => f.message),
    ).toEqual([
      expect.stringContaining("'orders-api' is not 'contract@range'"),
    ]);
  });
});
