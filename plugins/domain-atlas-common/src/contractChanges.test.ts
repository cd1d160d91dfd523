import {
  consumerImpact,
  consumersOf,
  ContractDiff,
  isMajorChange,
  strongestClass,
} from './contractChanges';
import type { ContractSummary } from './report';

const contract: ContractSummary = {
  ref: 'api:default/orders-api-v2',
  title: 'Orders API v2',
  domain: 'domain:default/orders',
  type: 'openapi',
  version: '2.3.0',
  versionSource: 'definition',
  family: 'orders-api',
  lifecycle: 'production',
  providers: ['component:default/orders-service'],
  consumers: ['component:default/web', 'component:default/batch'],
  pins: [
    { consumer: 'component:default/web', range: '^2', satisfied: true },
    { consumer: 'component:default/mobile', range: '^1', satisfied: false },
  ],
};

const domains: Record<string, string> = {
  'component:default/web': 'domain:default/storefront',
  'component:default/batch': 'domain:default/reporting',
};

const diff = (overrides: Partial<ContractDiff>): ContractDiff => ({
  type: 'openapi',
  tool: 'api-smart-diff',
  fromVersion: '2.3.0',
  toVersion: '2.4.0',
  majorChanged: false,
  classification: 'non-breaking',
  changes: [],
  needsMajor: false,
  ...overrides,
});

describe('contract changes', () => {
  it('takes the strongest class of a set of changes', () => {
    expect(strongestClass([])).toBe('non-breaking');
    expect(
      strongestClass([{ class: 'non-breaking' }, { class: 'unclassified' }]),
    ).toBe('unclassified');
    expect(
      strongestClass([{ class: 'breaking' }, { class: 'unclassified' }]),
    ).toBe('breaking');
  });

  it.each([
    ['2.3.0', '3.0.0', true],
    ['2.3.0', '2.9.1', false],
    ['v1', '2', true],
    ['beta', 'beta', false],
    ['beta', 'gamma', true],
    [null, '1.0.0', true],
  ])('%p → %p is a major change: %p', (from, to, expected) => {
    expect(isMajorChange(from, to)).toBe(expected);
  });

  it('merges relations and pins into one consumer list with domains', () => {
    expect(consumersOf(contract, ref => domains[ref] ?? null)).toEqual([
      {
        ref: 'component:default/batch',
        domain: 'domain:default/reporting',
        consumesApi: true,
        pin: null,
      },
      {
        ref: 'component:default/mobile',
        domain: null,
        consumesApi: false,
        pin: { range: '^1', satisfied: false },
      },
      {
        ref: 'component:default/web',
        domain: 'domain:default/storefront',
        consumesApi: true,
        pin: { range: '^2', satisfied: true },
      },
    ]);
  });

  it('names consumers whose pin the new version leaves, and all consumers on a breaking change', () => {
    const consumers = consumersOf(contract, ref => domains[ref] ?? null);

    const major = consumerImpact(consumers, diff({ toVersion: '3.0.0' }));
    expect(major.filter(c => c.breaks).map(c => [c.ref, c.reasons])).toEqual([
      [
        'component:default/mobile',
        ['its pin ^1 does not accept version 3.0.0'],
      ],
      ['component:default/web', ['its pin ^2 does not accept version 3.0.0']],
    ]);

    const breaking = consumerImpact(
      consumers,
      diff({
        classification: 'breaking',
        changes: [1, 2, 3, 4].map(n => ({
          class: 'breaking' as const,
          action: 'removed' as const,
          path: `paths./p${n}`,
          message: `[Removed] path /p${n}`,
        })),
      }),
    );
    expect(breaking.every(c => c.breaks)).toBe(true);
    expect(breaking[0].reasons).toEqual([
      'the definition has breaking changes: [Removed] path /p1; [Removed] path /p2; [Removed] path /p3 and 1 more',
    ]);
  });
});
