import {
  parseContractPins,
  parseCoverage,
  parseExemptions,
  parsePhase,
  parseTargetDate,
  readAtlasAnnotations,
} from './annotations';

describe('annotation parsers', () => {
  it('reads phases 0–3 only', () => {
    expect(['0', ' 3 ', '4', '-1', '2.5', 'two'].map(parsePhase)).toEqual([
      0,
      3,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads real calendar dates only', () => {
    expect(
      ['2025-06-30', '2025-02-29', '2024-02-29', '30.06.2025', '2025-6-30'].map(
        parseTargetDate,
      ),
    ).toEqual(['2025-06-30', undefined, '2024-02-29', undefined, undefined]);
  });

  it('reads percentages 0–100', () => {
    expect(['0', '42.5', '100%', '101', 'most'].map(parseCoverage)).toEqual([
      0,
      42.5,
      100,
      undefined,
      undefined,
    ]);
  });

  it('reads exemptions and explains the invalid ones', () => {
    const { exemptions, problems } = parseExemptions(
      'own-datastore: legacy reporting; single-owner:; nope: why; ; repo-per-domain: until Q3: really',
      new Set(['own-datastore', 'single-owner', 'repo-per-domain']),
    );
    expect([...exemptions]).toEqual([
      ['own-datastore', 'legacy reporting'],
      ['repo-per-domain', 'until Q3: really'],
    ]);
    expect(problems).toEqual([
      "'single-owner:' gives no reason (write 'rule-id: reason')",
      "'nope: why' names no known rule",
    ]);
  });

  it('reads contract pins', () => {
    expect(parseContractPins('Orders-API@^2, order-events@1.x , bad')).toEqual({
      pins: [
        { family: 'orders-api', range: '^2' },
        { family: 'order-events', range: '1.x' },
      ],
      problems: ["'bad' is not 'contract@range'"],
    });
  });

  it('reports every invalid value once and keeps the valid ones', () => {
    const reported: string[] = [];
    const atlas = readAtlasAnnotations(
      {
        'domain-atlas.io/migration-phase': '2',
        'domain-atlas.io/target-phase': 'x',
        'domain-atlas.io/role': 'Gateway',
        'domain-atlas.io/monolith': 'yes',
        'circleci.com/project-slug': 'gh/acme/orders',
      },
      new Set(),
      annotation => reported.push(annotation),
    );
    expect(atlas).toMatchObject({
      migrationPhase: 2,
      targetPhase: null,
      gatewayRole: true,
      monolith: false,
      hasPipelineEvidence: true,
    });
    expect(reported).toEqual([
      'domain-atlas.io/target-phase',
      'domain-atlas.io/monolith',
    ]);
  });

  it.each([
    ['gocd.org/pipelines', 'orders'],
    ['tekton.dev/cicd', 'true'],
    ['argocd/app-name', 'orders'],
    ['argocd/app-selector', 'app=orders'],
  ])(
    'counts the CI/CD plugin annotation %s as pipeline evidence',
    (key, value) => {
      const atlas = readAtlasAnnotations({ [key]: value }, new Set(), () => {});
      expect(atlas.hasPipelineEvidence).toBe(true);
    },
  );

  it('does not count a repository annotation as a pipeline', () => {
    const atlas = readAtlasAnnotations(
      { 'github.com/project-slug': 'acme/orders' },
      new Set(),
      () => {},
    );
    expect(atlas.hasPipelineEvidence).toBe(false);
  });
});
