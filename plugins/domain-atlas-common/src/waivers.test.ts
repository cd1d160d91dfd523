import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { analyze } from './analyze';
import type { AnalysisOptions } from './options';
import {
  component,
  domain,
  exempt,
  group,
  resource,
  system,
  twoDomains,
  withPipeline,
} from './testing/catalogBuilders';

const c = (name: string) => `component:default/${name}`;
const d = (name: string) => `domain:default/${name}`;
const r = (name: string) => `resource:default/${name}`;

const DATASTORE_ID =
  'own-datastore:domain:default/orders:component:default/orders-svc,resource:default/payments-db';

/**
 * orders-svc (orders) reads payments-db (payments): one own-datastore
 * finding of orders. `annotations` go on orders-svc.
 */
function readsPaymentsDb(
  annotations: Record<string, string> = {},
  extra: Entity[] = [],
): Entity[] {
  return [
    ...twoDomains(),
    resource('payments-db', { system: 'payments-system' }),
    component(
      'orders-svc',
      {
        system: 'orders-system',
        owner: 'team-orders',
        dependsOn: ['resource:payments-db'],
      },
      { annotations: { ...withPipeline, ...annotations } },
    ),
    ...extra,
  ];
}

const datastoreFinding = (entities: Entity[], options?: AnalysisOptions) =>
  analyze(entities, options).findings.find(f => f.rule === 'own-datastore')!;

describe('waivers with an expiry', () => {
  it('waives until the last day and says until when', () => {
    const entities = readsPaymentsDb(
      exempt('own-datastore', 'read replica for reporting (until 2026-12-15)'),
    );
    for (const now of ['2026-11-21', '2026-12-15', '2026-12-15T23:59:59Z']) {
      expect(datastoreFinding(entities, { now })).toEqual({
        id: DATASTORE_ID,
        rule: 'own-datastore',
        severity: 'error',
        domain: d('orders'),
        entities: [c('orders-svc'), r('payments-db')],
        message: expect.not.stringContaining('expired'),
        waived: true,
        waiver: 'read replica for reporting',
        waiverUntil: '2026-12-15',
      });
    }
    const report = analyze(entities, { now: '2026-11-21' });
    expect(report.waivers).toEqual([
      {
        entity: c('orders-svc'),
        owner: 'group:default/team-orders',
        domain: d('orders'),
        rule: 'own-datastore',
        reason: 'read replica for reporting',
        until: '2026-12-15',
        daysLeft: 24,
        expired: false,
        findings: [DATASTORE_ID],
      },
    ]);
    expect(
      report.domains.find(x => x.ref === d('orders'))!.findingCounts,
    ).toMatchObject({ error: 0, waived: 1 });
  });

  it('stops waiving the day after, and the finding names the expired waiver', () => {
    const entities = readsPaymentsDb(
      exempt('own-datastore', 'read replica for reporting (until 2026-12-15)'),
    );
    const report = analyze(entities, { now: '2026-12-16' });
    const finding = report.findings.find(f => f.rule === 'own-datastore')!;
    expect(finding).toEqual({
      id: DATASTORE_ID,
      rule: 'own-datastore',
      severity: 'error',
      domain: d('orders'),
      entities: [c('orders-svc'), r('payments-db')],
      message: expect.stringMatching(
        / \(the exemption on component:default\/orders-svc expired on 2026-12-15: read replica for reporting\)$/,
      ),
      waived: false,
      expiredWaiver: {
        entity: c('orders-svc'),
        reason: 'read replica for reporting',
        until: '2026-12-15',
      },
    });
    const orders = report.domains.find(x => x.ref === d('orders'))!;
    expect(orders.findingCounts).toMatchObject({ error: 1, waived: 0 });
    expect(orders.phase.criteria.find(x => x.id === 'own-datastore')!.met).toBe(
      false,
    );
    // Expired, not unused: the finding says so.
    expect(report.waivers).toEqual([
      expect.objectContaining({
        entity: c('orders-svc'),
        daysLeft: -1,
        expired: true,
        findings: [DATASTORE_ID],
      }),
    ]);
    expect(report.waivers[0].unused).toBeUndefined();
    expect(report.findings.filter(f => f.rule === 'unused-exemption')).toEqual(
      [],
    );
  });

  it('never expires without now, and gives no days left', () => {
    const report = analyze(
      readsPaymentsDb(exempt('own-datastore', 'replica (until 2001-01-01)')),
    );
    expect(report.findings.find(f => f.rule === 'own-datastore')).toMatchObject(
      { waived: true, waiverUntil: '2001-01-01' },
    );
    expect(report.waivers).toEqual([
      expect.objectContaining({ until: '2001-01-01', expired: false }),
    ]);
    expect(report.waivers[0]).not.toHaveProperty('daysLeft');
  });

  it('lets an exemption that still holds waive where another expired', () => {
    // The subject's exemption expired; the domain's still holds.
    const entities = readsPaymentsDb(
      exempt('own-datastore', 'replica (until 2026-01-31)'),
    ).map(entity =>
      entity.metadata.name === 'orders'
        ? domain(
            'orders',
            { owner: 'team-orders' },
            { annotations: exempt('own-datastore', 'domain-wide migration') },
          )
        : entity,
    );
    const report = analyze(entities, { now: '2026-11-21' });
    expect(report.findings.find(f => f.rule === 'own-datastore')).toMatchObject(
      { waived: true, waiver: 'domain-wide migration' },
    );
    expect(
      report.findings.find(f => f.rule === 'own-datastore'),
    ).not.toHaveProperty('expiredWaiver');
    expect(
      report.waivers.map(w => [w.entity, w.expired, w.findings, w.unused]),
    ).toEqual([
      [c('orders-svc'), true, [DATASTORE_ID], undefined],
      [d('orders'), false, [DATASTORE_ID], undefined],
    ]);
  });
});

describe('unused exemptions', () => {
  const unusedOf = (entities: Entity[], options?: AnalysisOptions) => {
    const report = analyze(entities, options);
    return {
      findings: report.findings
        .filter(f => f.rule === 'unused-exemption')
        .map(f => ({ id: f.id, severity: f.severity, message: f.message })),
      waivers: report.waivers.map(w => [w.entity, w.rule, w.unused]),
    };
  };

  it('reports an exemption no finding of its rule needs', () => {
    expect(unusedOf(readsPaymentsDb(exempt('single-owner')))).toEqual({
      findings: [
        {
          id: 'unused-exemption:domain:default/orders:component:default/orders-svc:single-owner',
          severity: 'info',
          message:
            'The exemption from single-owner on component:default/orders-svc waives nothing: no single-owner finding names it; remove the exemption',
        },
      ],
      waivers: [[c('orders-svc'), 'single-owner', 'no-finding']],
    });
  });

  it('reports an exemption of a rule no rule has', () => {
    expect(unusedOf(readsPaymentsDb(exempt('no-such-rule')))).toEqual({
      findings: [
        expect.objectContaining({
          message:
            'The exemption from no-such-rule on component:default/orders-svc waives nothing: no rule has the id no-such-rule',
        }),
      ],
      waivers: [[c('orders-svc'), 'no-such-rule', 'unknown-rule']],
    });
  });

  it('reports an exemption of a rule switched off in the configuration', () => {
    expect(
      unusedOf(readsPaymentsDb(exempt('own-datastore')), {
        rules: { 'own-datastore': { enabled: false } },
      }),
    ).toEqual({
      findings: [
        expect.objectContaining({
          message:
            'The exemption from own-datastore on component:default/orders-svc waives nothing: own-datastore is switched off in the configuration',
        }),
      ],
      waivers: [[c('orders-svc'), 'own-datastore', 'rule-off']],
    });
  });

  it("reports an exemption on an entity outside the finding's domain", () => {
    // The finding belongs to orders; payments-db is of payments.
    const entities = readsPaymentsDb().map(entity =>
      entity.metadata.name === 'payments-db'
        ? resource(
            'payments-db',
            { system: 'payments-system' },
            { annotations: exempt('own-datastore') },
          )
        : entity,
    );
    expect(unusedOf(entities)).toEqual({
      findings: [
        {
          id: 'unused-exemption:domain:default/payments:resource:default/payments-db:own-datastore',
          severity: 'info',
          message:
            "The exemption from own-datastore on resource:default/payments-db waives nothing: the own-datastore findings that name resource:default/payments-db belong to domain:default/orders, not to its own domain, and an exemption waives only findings of its domain; put it on the finding's subject or domain",
        },
      ],
      waivers: [[r('payments-db'), 'own-datastore', 'outside-domain']],
    });
    expect(datastoreFinding(entities).waived).toBe(false);
  });

  it('reports an expired exemption that applies to nothing, saying it expired', () => {
    const { findings } = unusedOf(
      readsPaymentsDb(exempt('single-owner', 'reorg (until 2026-01-31)')),
      { now: '2026-11-21' },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        message:
          'The exemption from single-owner on component:default/orders-svc waives nothing: no single-owner finding names it; remove the exemption (it also expired on 2026-01-31)',
      }),
    ]);
  });

  it('is quiet when the rule is switched off, but the waivers still say why', () => {
    expect(
      unusedOf(readsPaymentsDb(exempt('single-owner')), {
        rules: { 'unused-exemption': { enabled: false } },
      }),
    ).toEqual({
      findings: [],
      waivers: [[c('orders-svc'), 'single-owner', 'no-finding']],
    });
  });
});

describe('the waivers of a report', () => {
  it('lists every exemption by entity and rule, with owner and domain', () => {
    const report = analyze(
      [
        group('team-orders'),
        domain(
          'orders',
          { owner: 'team-orders' },
          { annotations: exempt('repo-per-domain', 'monorepo for now') },
        ),
        system('orders-system', { owner: 'team-orders', domain: 'orders' }),
        component(
          'b-svc',
          { system: 'orders-system', owner: 'team-orders' },
          {
            annotations: {
              'domain-atlas.io/exemptions':
                'single-owner: shared (until 2027-06-30); independent-pipeline: builds with the monolith',
            },
          },
        ),
        component(
          'a-svc',
          { owner: 'nobody' },
          { annotations: exempt('own-datastore', 'reads a replica') },
        ),
      ],
      { now: '2026-11-21' },
    );
    expect(report.waivers).toEqual([
      {
        entity: c('a-svc'),
        owner: 'group:default/nobody',
        domain: null,
        rule: 'own-datastore',
        reason: 'reads a replica',
        expired: false,
        unused: 'no-finding',
        findings: [],
      },
      {
        entity: c('b-svc'),
        owner: 'group:default/team-orders',
        domain: d('orders'),
        rule: 'independent-pipeline',
        reason: 'builds with the monolith',
        expired: false,
        findings: [
          'independent-pipeline:domain:default/orders:component:default/b-svc',
        ],
      },
      {
        entity: c('b-svc'),
        owner: 'group:default/team-orders',
        domain: d('orders'),
        rule: 'single-owner',
        reason: 'shared',
        until: '2027-06-30',
        daysLeft: 221,
        expired: false,
        unused: 'no-finding',
        findings: [],
      },
      {
        entity: d('orders'),
        owner: 'group:default/team-orders',
        domain: d('orders'),
        rule: 'repo-per-domain',
        reason: 'monorepo for now',
        expired: false,
        unused: 'no-finding',
        findings: [],
      },
    ]);
  });

  it('is empty for a catalog without exemptions', () => {
    expect(analyze(readsPaymentsDb()).waivers).toEqual([]);
  });
});

describe('waivers on random catalogs', () => {
  const rules = ['own-datastore', 'single-owner', 'no-such-rule'];
  const untils = ['', ' (until 2026-01-31)', ' (until 2026-11-21)'];
  const exemption = fc
    .tuple(fc.constantFrom(...rules), fc.constantFrom(...untils))
    .map(([rule, until]) => `${rule}: because${until}`);
  const member = fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd'),
    inOrders: fc.boolean(),
    owner: fc.constantFrom('team-orders', 'team-payments'),
    reads: fc.subarray(['orders-db', 'payments-db']),
    exemptions: fc.array(exemption, { maxLength: 2 }),
  });
  const domainExemptions = fc.array(exemption, { maxLength: 2 });

  it('waive with the exemptions they list, never expired ones, and report the unused ones', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 6 }),
        domainExemptions,
        (members, onOrders) => {
          const entities: Entity[] = [
            ...twoDomains().filter(e => e.metadata.name !== 'orders'),
            domain(
              'orders',
              { owner: 'team-orders' },
              {
                annotations: {
                  'domain-atlas.io/exemptions': onOrders.join('; '),
                },
              },
            ),
            resource('orders-db', { system: 'orders-system' }),
            resource('payments-db', { system: 'payments-system' }),
            ...members.map(m =>
              component(
                `${m.name}-${m.inOrders ? 'o' : 'p'}`,
                {
                  system: m.inOrders ? 'orders-system' : 'payments-system',
                  owner: m.owner,
                  dependsOn: m.reads.map(db => `resource:${db}`),
                },
                {
                  annotations: {
                    ...withPipeline,
                    'domain-atlas.io/exemptions': m.exemptions.join('; '),
                  },
                },
              ),
            ),
          ];
          const report = analyze(entities, { now: '2026-11-21' });
          const keys = report.waivers.map(w => `${w.entity} ${w.rule}`);
          expect([...keys].sort()).toEqual(keys);
          for (const finding of report.findings) {
            const listing = report.waivers.filter(w =>
              w.findings.includes(finding.id),
            );
            // Waived by an exemption it lists that holds; or unwaived,
            // with the expired one it lists as its note, if any.
            const consistent = finding.waived
              ? listing.some(w => !w.expired && w.reason === finding.waiver)
              : listing.every(w => w.expired) &&
                (finding.expiredWaiver !== undefined) === listing.length > 0;
            expect({ id: finding.id, consistent }).toEqual({
              id: finding.id,
              consistent: true,
            });
          }
          const unused = report.findings
            .filter(f => f.rule === 'unused-exemption')
            .map(f => f.id);
          expect(unused).toEqual(
            report.waivers
              .filter(w => w.unused !== undefined)
              .map(
                w =>
                  `unused-exemption:${w.domain ?? 'unassigned'}:${w.entity}:${
                    w.rule
                  }`,
              )
              .sort(),
          );
          for (const waiver of report.waivers) {
            expect(waiver.unused === undefined).toBe(
              waiver.rule !== 'no-such-rule' && waiver.findings.length > 0,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
