import type { Entity } from '@backstage/catalog-model';
import { analyze } from './analyze';
import type { AnalysisOptions } from './options';
import type { DomainPhase } from './report';
import { targetStatus } from './phases';
import {
  api,
  component,
  domain,
  exempt,
  group,
  inRepo,
  resource,
  system,
  withPipeline,
} from './testing/catalogBuilders';

interface Variant {
  domainAnnotations?: Record<string, string>;
  owner?: string | null;
  serviceAnnotations?: Record<string, string>;
  serviceSpec?: Record<string, unknown>;
  extra?: Entity[];
}

/** A domain that meets every criterion up to phase 3, unless a variant breaks one. */
function catalog(variant: Variant = {}): Entity[] {
  const owner = variant.owner === undefined ? 'team-orders' : variant.owner;
  return [
    group('team-orders'),
    group('team-payments'),
    domain('orders', owner === null ? {} : { owner }, {
      annotations: {
        'backstage.io/adr-location': 'docs/adr',
        ...variant.domainAnnotations,
      },
    }),
    domain('payments', { owner: 'team-payments' }),
    system('orders-system', { domain: 'orders', owner: 'team-orders' }),
    system('payments-system', { domain: 'payments', owner: 'team-payments' }),
    component(
      'orders-svc',
      {
        system: 'orders-system',
        owner: 'team-orders',
        providesApis: ['order-events-v1'],
        dependsOn: ['resource:orders-db'],
        ...variant.serviceSpec,
      },
      {
        annotations: {
          ...inRepo('orders'),
          ...withPipeline,
          ...variant.serviceAnnotations,
        },
      },
    ),
    api('order-events-v1', {
      type: 'asyncapi',
      system: 'orders-system',
      owner: 'team-orders',
    }),
    resource('orders-db', { system: 'orders-system', owner: 'team-orders' }),
    ...(variant.extra ?? []),
  ];
}

function phaseOf(entities: Entity[], options?: AnalysisOptions): DomainPhase {
  return analyze(entities, options).domains.find(
    d => d.ref === 'domain:default/orders',
  )!.phase;
}

const failing = (phase: DomainPhase) =>
  phase.criteria.filter(c => !c.met).map(c => c.id);

describe('evidence phase', () => {
  it.each<[string, Variant, number, string[]]>([
    ['phase 0: no owner', { owner: null }, 0, ['domain-owned']],
    [
      'phase 0: a lower criterion fails even though higher ones hold',
      { serviceSpec: { owner: 'team-payments' } },
      0,
      ['single-owner'],
    ],
    [
      'phase 1: no ADRs and no pipeline',
      {
        domainAnnotations: { 'backstage.io/adr-location': '' },
        serviceAnnotations: { 'domain-atlas.io/pipeline': '' },
      },
      1,
      ['independent-pipeline', 'adr-location'],
    ],
    [
      'phase 2: the repository is shared with another domain',
      {
        extra: [
          component(
            'payments-svc',
            { system: 'payments-system', owner: 'team-payments' },
            {
              annotations: { ...inRepo('orders', 'payments'), ...withPipeline },
            },
          ),
        ],
      },
      2,
      // One deployable per domain: only repo-per-domain fails; sharing a
      // repository across domains is not repo-per-service's finding.
      ['repo-per-domain'],
    ],
    ['phase 3: every criterion holds', {}, 3, []],
  ])('%s', (_name, variant, evidence, failingIds) => {
    const phase = phaseOf(catalog(variant));
    expect(phase.evidence).toBe(evidence);
    expect(failing(phase)).toEqual(failingIds);
  });

  it('names the findings that make a criterion fail', () => {
    const phase = phaseOf(catalog({ serviceSpec: { owner: 'team-payments' } }));
    expect(phase.criteria.find(c => c.id === 'single-owner')).toEqual({
      phase: 1,
      id: 'single-owner',
      description: expect.any(String),
      met: false,
      findings: [
        'single-owner:domain:default/orders:component:default/orders-svc,domain:default/orders,group:default/team-payments',
      ],
    });
  });

  it('does not let waived findings block a criterion', () => {
    const phase = phaseOf(
      catalog({
        serviceSpec: { owner: 'team-payments' },
        serviceAnnotations: exempt('single-owner'),
      }),
    );
    expect(phase.evidence).toBe(3);
  });

  it('is blocked only by no-shared-business-logic errors, not warnings', () => {
    const extra = [
      component('pricing', {
        type: 'library',
        system: 'payments-system',
        owner: 'team-payments',
      }),
    ];
    const serviceSpec = {
      dependsOn: ['resource:orders-db', 'component:pricing'],
    };
    expect(failing(phaseOf(catalog({ extra, serviceSpec })))).toEqual([
      'no-shared-business-logic',
    ]);
    expect(
      phaseOf(catalog({ extra, serviceSpec }), {
        rules: { 'no-shared-business-logic': { severity: 'warning' } },
      }).evidence,
    ).toBe(3);
  });

  it('treats the criterion of a disabled rule as met, and says so', () => {
    const phase = phaseOf(catalog({ owner: null }), {
      rules: { 'domain-owned': { enabled: false } },
    });
    expect(phase.criteria[0]).toMatchObject({ id: 'domain-owned', met: true });
    expect(phase.criteria[0].description).toMatch(/disabled/);
  });
});

describe('declared phase', () => {
  it('shows a declared phase the evidence does not support', () => {
    const phase = phaseOf(
      catalog({
        domainAnnotations: {
          'domain-atlas.io/migration-phase': '3',
          'backstage.io/adr-location': '',
        },
      }),
    );
    expect(phase).toMatchObject({
      evidence: 1,
      declared: 3,
      declaredValid: false,
    });
    expect(failing(phase)).toEqual(['adr-location']);
  });

  it('accepts a declared phase at or below the evidence', () => {
    expect(
      phaseOf(
        catalog({
          domainAnnotations: { 'domain-atlas.io/migration-phase': '2' },
        }),
      ),
    ).toMatchObject({ evidence: 3, declared: 2, declaredValid: true });
    expect(phaseOf(catalog())).toMatchObject({
      declared: null,
      declaredValid: null,
    });
  });

  it('turns an invalid declared phase into a finding', () => {
    const report = analyze(
      catalog({
        domainAnnotations: { 'domain-atlas.io/migration-phase': 'phase-2' },
      }),
    );
    expect(
      report.domains.find(d => d.ref === 'domain:default/orders')!.phase
        .declared,
    ).toBeNull();
    expect(
      report.findings.filter(f => f.rule === 'invalid-annotation'),
    ).toEqual([
      expect.objectContaining({
        domain: 'domain:default/orders',
        severity: 'warning',
        waived: false,
      }),
    ]);
  });
});

describe('target status', () => {
  const target = (phase: string, date?: string) => ({
    'domain-atlas.io/target-phase': phase,
    ...(date ? { 'domain-atlas.io/target-date': date } : {}),
    'backstage.io/adr-location': '',
  });

  it.each<
    [string, Record<string, string>, string | undefined, string, number | null]
  >([
    ['none without a target', {}, '2025-01-01', 'none', null],
    [
      'on-track when the target is reached',
      target('1', '2020-01-01'),
      '2025-01-01',
      'on-track',
      -1827,
    ],
    [
      'on-track when the date is 90 days away or more',
      target('3', '2025-04-01'),
      '2025-01-01',
      'on-track',
      90,
    ],
    [
      'at-risk when the date is closer than 90 days',
      target('3', '2025-03-31'),
      '2025-01-01',
      'at-risk',
      89,
    ],
    [
      'at-risk on the target date itself',
      target('3', '2025-01-01'),
      '2025-01-01',
      'at-risk',
      0,
    ],
    [
      'overdue when the date has passed',
      target('3', '2024-12-31'),
      '2025-01-01',
      'overdue',
      -1,
    ],
    ['on-track without a date', target('3'), '2025-01-01', 'on-track', null],
    [
      'at-risk when now is unknown',
      target('3', '2030-01-01'),
      undefined,
      'at-risk',
      null,
    ],
  ])('%s', (_name, annotations, now, status, days) => {
    const phase = phaseOf(
      catalog({ domainAnnotations: annotations }),
      now ? { now } : {},
    );
    expect(phase.status).toBe(status);
    expect(phase.daysToTarget).toBe(days);
  });

  it('turns an invalid target date into a finding and ignores it', () => {
    const report = analyze(
      catalog({ domainAnnotations: target('3', '2025-02-30') }),
      { now: '2025-01-01' },
    );
    expect(report.domains[0].phase).toMatchObject({
      targetDate: null,
      status: 'on-track',
    });
    expect(report.findings.map(f => f.rule)).toContain('invalid-annotation');
  });

  it('is a pure function of evidence, target and days', () => {
    expect(targetStatus(2, 2, -5, true)).toBe('on-track');
    expect(targetStatus(1, 2, 89, true)).toBe('at-risk');
  });
});

describe('strangler coverage', () => {
  it.each<[string, number | null, boolean | null]>([
    ['96', 96, true],
    ['95%', 95, true],
    ['80', 80, false],
    ['120', null, null],
  ])('%s → %s (decommission ready: %s)', (value, coverage, ready) => {
    const report = analyze(
      catalog({
        domainAnnotations: { 'domain-atlas.io/strangler-coverage': value },
      }),
    );
    const phase = report.domains[0].phase;
    expect(phase.stranglerCoverage).toBe(coverage);
    expect(phase.decommissionReady).toBe(ready);
    expect(report.findings.some(f => f.rule === 'invalid-annotation')).toBe(
      coverage === null,
    );
  });
});

describe('playbook', () => {
  it('tracks every step of a fully extracted domain', () => {
    expect(phaseOf(catalog()).playbook).toEqual({
      extracted: true,
      publishesEvents: true,
      dbJoinsCut: true,
      deploysIndependently: true,
    });
  });

  it('notices a shared repository, no events, a shared database and a missing pipeline', () => {
    const phase = phaseOf(
      catalog({
        serviceSpec: { providesApis: [], dependsOn: ['resource:payments-db'] },
        serviceAnnotations: { 'domain-atlas.io/pipeline': '' },
        extra: [
          resource('payments-db', {
            system: 'payments-system',
            owner: 'team-payments',
          }),
          component(
            'tooling',
            { type: 'library' },
            { annotations: inRepo('orders', 'tools') },
          ),
        ],
      }).filter(e => e.metadata.name !== 'order-events-v1'),
    );
    expect(phase.playbook).toEqual({
      extracted: false,
      publishesEvents: false,
      dbJoinsCut: false,
      deploysIndependently: false,
    });
  });
});
