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

  it('reads exemptions, known rule or not, and explains the malformed ones', () => {
    const { exemptions, problems } = parseExemptions(
      'own-datastore: legacy reporting; single-owner:; nope: why; ; repo-per-domain: until Q3: really; : no id; own datastore: spaced',
    );
    expect([...exemptions]).toEqual([
      ['own-datastore', { reason: 'legacy reporting', until: null }],
      // A rule id no rule has is an unused-exemption finding, not a
      // malformed annotation: the rule may come from a module.
      ['nope', { reason: 'why', until: null }],
      ['repo-per-domain', { reason: 'until Q3: really', until: null }],
    ]);
    expect(problems).toEqual([
      "'single-owner:' gives no reason (write 'rule-id: reason')",
      "': no id' names no rule id (write 'rule-id: reason')",
      "'own datastore: spaced' names no rule id (write 'rule-id: reason')",
    ]);
  });

  it('reads an expiry written (until YYYY-MM-DD) at the end of the reason', () => {
    const { exemptions, problems } = parseExemptions(
      'own-datastore: read replica for reporting (until 2027-06-30); Repo-Per-Domain: moving out ( Until 2026-12-15 ); single-owner: (until 2027-01-01) of the team',
    );
    expect([...exemptions]).toEqual([
      [
        'own-datastore',
        { reason: 'read replica for reporting', until: '2027-06-30' },
      ],
      ['repo-per-domain', { reason: 'moving out', until: '2026-12-15' }],
      // Not at the end: part of the reason.
      [
        'single-owner',
        { reason: '(until 2027-01-01) of the team', until: null },
      ],
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['own-datastore: replica (until 2027-02-30)', '2027-02-30'],
    ['own-datastore: replica (until 30.06.2027)', '30.06.2027'],
    ['own-datastore: replica (until Q2 2027)', 'Q2 2027'],
    ['own-datastore: replica (until)', ''],
  ])(
    'rejects the whole exemption %s for its invalid until date',
    (text, date) => {
      const { exemptions, problems } = parseExemptions(text);
      expect(exemptions.size).toBe(0);
      expect(problems).toEqual([
        `'${text}' has an invalid until date '${date}' (write '(until YYYY-MM-DD)')`,
      ]);
    },
  );

  it('asks for a reason besides the until date', () => {
    expect(parseExemptions('own-datastore: (until 2027-06-30)')).toEqual({
      exemptions: new Map(),
      problems: [
        "'own-datastore: (until 2027-06-30)' gives no reason (write 'rule-id: reason')",
      ],
    });
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
      const atlas = readAtlasAnnotations({ [key]: value }, () => {});
      expect(atlas.hasPipelineEvidence).toBe(true);
    },
  );

  it('does not count a repository annotation as a pipeline', () => {
    const atlas = readAtlasAnnotations(
      { 'github.com/project-slug': 'acme/orders' },
      () => {},
    );
    expect(atlas.hasPipelineEvidence).toBe(false);
  });
});
