import { ContractSummary } from '@domain-atlas/plugin-domain-atlas-common';
import {
  testDomain,
  testFinding,
  testReport,
  testWaiver,
} from '../../testing/testReports';
import { reportChanges } from './reportChanges';

const orders = testDomain('orders');
const payments = testDomain('payments');
const domains = [orders, payments];

const singleOwner = testFinding('single-owner', 'orders', [
  'component:default/refunds',
]);
const ownDatastore = testFinding('own-datastore', 'payments', [
  'component:default/ledger',
  'resource:default/orders-db',
]);

const changes = (
  previous: Parameters<typeof testReport>[0],
  current: Parameters<typeof testReport>[0],
  waiverDays = 14,
) =>
  reportChanges(testReport(previous), testReport(current), { waiverDays }).map(
    change => {
      switch (change.kind) {
        case 'new-error':
          return `new-error ${change.finding.id} → ${change.domain.ref}`;
        case 'breaking-change':
          return `breaking-change ${change.api} → ${change.consumers.join(
            ' ',
          )}`;
        case 'overdue-target':
          return `overdue-target ${change.domain.ref}`;
        default:
          return `expiring-waiver ${change.waiver.entity} ${change.waiver.rule} ${change.waiver.daysLeft}`;
      }
    },
  );

describe('reportChanges', () => {
  describe('new errors', () => {
    it.each([
      [
        'a new error finding',
        { domains, findings: [] },
        { domains, findings: [singleOwner] },
        [
          'new-error single-owner:domain:default/orders:component:default/refunds → domain:default/orders',
        ],
      ],
      [
        'the same findings again',
        { domains, findings: [singleOwner, ownDatastore] },
        { domains, findings: [singleOwner, ownDatastore] },
        [],
      ],
      [
        'a finding that went away',
        { domains, findings: [singleOwner, ownDatastore] },
        { domains, findings: [ownDatastore] },
        [],
      ],
      [
        'a warning re-levelled to an error',
        {
          domains,
          findings: [{ ...singleOwner, severity: 'warning' as const }],
        },
        { domains, findings: [singleOwner] },
        [
          'new-error single-owner:domain:default/orders:component:default/refunds → domain:default/orders',
        ],
      ],
      [
        'a waived error whose waiver ended',
        { domains, findings: [{ ...singleOwner, waived: true }] },
        { domains, findings: [singleOwner] },
        [
          'new-error single-owner:domain:default/orders:component:default/refunds → domain:default/orders',
        ],
      ],
      [
        'an error that is now waived',
        { domains, findings: [] },
        { domains, findings: [{ ...singleOwner, waived: true }] },
        [],
      ],
      [
        'a new warning or info',
        { domains, findings: [] },
        {
          domains,
          findings: [
            { ...singleOwner, severity: 'warning' as const },
            { ...ownDatastore, severity: 'info' as const },
          ],
        },
        [],
      ],
      [
        'a new error of no domain',
        { domains, findings: [] },
        {
          domains,
          findings: [
            testFinding('own-datastore', null, ['component:default/x']),
          ],
        },
        [],
      ],
      [
        'an error that kept its id while its entities changed',
        { domains, findings: [singleOwner] },
        {
          domains,
          findings: [
            {
              ...singleOwner,
              entities: [...singleOwner.entities, 'group:default/other'],
            },
          ],
        },
        [],
      ],
    ])('%s', (_name, previous, current, expected) => {
      expect(changes(previous, current)).toEqual(expected);
    });
  });

  describe('breaking changes', () => {
    const breaking = testFinding(
      'breaking-change-needs-major',
      'orders',
      ['api:default/orders-api', 'component:default/checkout-web'],
      {
        id: 'breaking-change-needs-major:domain:default/orders:api:default/orders-api:1.0.0->1.1.0',
      },
    );
    const contract: ContractSummary = {
      ref: 'api:default/orders-api',
      title: 'orders-api',
      domain: 'domain:default/orders',
      type: 'openapi',
      version: '1.1.0',
      versionSource: 'definition',
      family: 'orders-api',
      lifecycle: 'production',
      providers: ['component:default/orders-service'],
      consumers: ['component:default/checkout-web'],
      pins: [
        {
          consumer: 'component:default/mobile-app',
          range: '^1',
          satisfied: true,
        },
      ],
    };

    it('tells the API and every consumer, by relation or pin', () => {
      expect(
        changes(
          { domains, contracts: [contract] },
          { domains, contracts: [contract], findings: [breaking] },
        ),
      ).toEqual([
        'breaking-change api:default/orders-api → component:default/checkout-web component:default/mobile-app',
      ]);
    });

    it('is no new error as well', () => {
      expect(changes({ domains }, { domains, findings: [breaking] })).toEqual([
        'breaking-change api:default/orders-api → component:default/checkout-web',
      ]);
    });

    it('is told once, and again for the next breaking change', () => {
      const next = {
        ...breaking,
        id: 'breaking-change-needs-major:domain:default/orders:api:default/orders-api:1.1.0->1.2.0',
      };
      expect(
        changes(
          { domains, findings: [breaking] },
          { domains, findings: [breaking] },
        ),
      ).toEqual([]);
      expect(
        changes(
          { domains, findings: [breaking] },
          { domains, findings: [next] },
        ),
      ).toEqual([
        'breaking-change api:default/orders-api → component:default/checkout-web',
      ]);
    });

    it('leaves a waived one alone, and tells of one of any severity', () => {
      expect(
        changes(
          { domains },
          {
            domains,
            findings: [
              { ...breaking, waived: true },
              {
                ...breaking,
                id: `${breaking.id}:other`,
                severity: 'warning',
              },
            ],
          },
        ),
      ).toEqual([
        'breaking-change api:default/orders-api → component:default/checkout-web',
      ]);
    });
  });

  describe('overdue targets', () => {
    it.each([
      [
        'on track → overdue',
        'on-track',
        'overdue',
        ['overdue-target domain:default/orders'],
      ],
      [
        'at risk → overdue',
        'at-risk',
        'overdue',
        ['overdue-target domain:default/orders'],
      ],
      ['overdue → overdue', 'overdue', 'overdue', []],
      ['overdue → on track (a new target)', 'overdue', 'on-track', []],
      ['none → none', 'none', 'none', []],
    ] as const)('%s', (_name, before, after, expected) => {
      expect(
        changes(
          { domains: [testDomain('orders', { status: before }), payments] },
          { domains: [testDomain('orders', { status: after }), payments] },
        ),
      ).toEqual(expected);
    });

    it('tells of a new domain that is overdue already', () => {
      expect(
        changes(
          { domains: [payments] },
          { domains: [testDomain('orders', { status: 'overdue' }), payments] },
        ),
      ).toEqual(['overdue-target domain:default/orders']);
    });
  });

  describe('expiring waivers', () => {
    const waiver = (daysLeft: number, extra = {}) =>
      testWaiver(
        'component:default/refunds',
        'single-owner',
        '2026-12-21',
        daysLeft,
        extra,
      );

    it.each([
      [
        'enters the window',
        [waiver(15)],
        [waiver(14)],
        14,
        ['expiring-waiver component:default/refunds single-owner 14'],
      ],
      ['was in the window', [waiver(14)], [waiver(13)], 14, []],
      ['stays outside the window', [waiver(30)], [waiver(29)], 14, []],
      [
        'a shorter window',
        [waiver(8)],
        [waiver(7)],
        7,
        ['expiring-waiver component:default/refunds single-owner 7'],
      ],
      [
        'last day',
        [waiver(1)],
        [waiver(0)],
        0,
        ['expiring-waiver component:default/refunds single-owner 0'],
      ],
      ['expired', [waiver(0)], [waiver(-1)], 14, []],
      [
        'new and close to its end',
        [],
        [waiver(3)],
        14,
        ['expiring-waiver component:default/refunds single-owner 3'],
      ],
      [
        'unused',
        [],
        [waiver(3, { unused: 'no-finding', findings: [] })],
        14,
        [],
      ],
      [
        'without an end',
        [],
        [waiver(3, { until: undefined, daysLeft: undefined })],
        14,
        [],
      ],
    ])('%s', (_name, before, after, days, expected) => {
      expect(changes({ waivers: before }, { waivers: after }, days)).toEqual(
        expected,
      );
    });

    it('tells again when a renewed waiver comes close to its new end', () => {
      const renewed = testWaiver(
        'component:default/refunds',
        'single-owner',
        '2027-01-04',
        10,
      );
      expect(changes({ waivers: [waiver(5)] }, { waivers: [renewed] })).toEqual(
        ['expiring-waiver component:default/refunds single-owner 10'],
      );
    });

    it('reads a previous report stored before waivers were summarised', () => {
      const { waivers: _none, ...older } = testReport({ domains });
      expect(
        reportChanges(
          older as ReturnType<typeof testReport>,
          testReport({ domains, waivers: [waiver(3)] }),
          { waiverDays: 14 },
        ),
      ).toHaveLength(1);
    });
  });

  it('finds nothing between a report and itself', () => {
    const report = testReport({
      domains: [testDomain('orders', { status: 'overdue' }), payments],
      findings: [singleOwner, ownDatastore],
      waivers: [
        testWaiver(
          'component:default/refunds',
          'single-owner',
          '2026-12-10',
          3,
        ),
      ],
    });
    expect(reportChanges(report, report, { waiverDays: 14 })).toEqual([]);
  });
});
