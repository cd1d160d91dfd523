import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  analyze,
  DomainAtlasReport,
  HIDDEN_ENTITY,
} from '@domain-atlas/plugin-domain-atlas-common';
import { parseAllDocuments } from 'yaml';
import { redactReport } from './redactReport';

// The demo organisation: a real, messy catalog with findings across
// domains, isolation chains, contracts and pins.
const examples = join(__dirname, '../../../../../examples');
const demo: Entity[] = [
  ...['org.yaml', 'platform.yaml', 'unassigned.yaml'].map(f =>
    join(examples, f),
  ),
  ...readdirSync(join(examples, 'domains')).map(f =>
    join(examples, 'domains', f),
  ),
].flatMap(file =>
  parseAllDocuments(readFileSync(file, 'utf8')).map(doc => doc.toJS()),
);
const report = analyze(demo, { now: '2026-12-01T00:00:00Z' });

const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

/** The Payments domain, everything in it, and the team that owns it. */
function paymentsRefs(full: DomainAtlasReport): Set<string> {
  const payments = full.domains.find(d => d.ref === 'domain:default/payments')!;
  return new Set([
    payments.ref,
    payments.owner!,
    ...payments.members.systems,
    ...payments.members.components,
    ...payments.members.apis,
    ...payments.members.resources,
  ]);
}

describe('redactReport', () => {
  const hidden = paymentsRefs(report);
  const redacted = redactReport(report, ref => !hidden.has(ref));
  const text = JSON.stringify(redacted);

  it('names no hidden entity anywhere, by ref or by name', () => {
    expect(hidden.size).toBeGreaterThan(5);
    for (const ref of hidden) {
      expect(text).not.toContain(ref);
      const entity = demo.find(e => refOf(e) === ref)!;
      // Names also appear inside repository URLs and finding ids.
      expect(text).not.toMatch(
        new RegExp(`[/:]${entity.metadata.name}(?![a-z0-9-])`),
      );
    }
  });

  it('leaves hidden domains, teams and contracts out, and keeps the rest as computed', () => {
    const domainRefs = redacted.domains.map(d => d.ref);
    expect(domainRefs).not.toContain('domain:default/payments');
    expect(domainRefs).toEqual(
      report.domains.map(d => d.ref).filter(ref => !hidden.has(ref)),
    );
    // Scores and counts of visible domains are not recomputed.
    for (const domain of redacted.domains) {
      const original = report.domains.find(d => d.ref === domain.ref)!;
      expect(domain.score).toBe(original.score);
      expect(domain.findingCounts).toEqual(original.findingCounts);
    }
    expect(redacted.teams.map(t => t.ref)).not.toContain(
      'group:default/payments-team',
    );
    expect(redacted.contracts.some(c => hidden.has(c.ref))).toBe(false);
    expect(redacted.contracts.length).toBeGreaterThan(0);
    expect(
      redacted.isolation.every(
        e => !hidden.has(e.down) && !hidden.has(e.affected),
      ),
    ).toBe(true);
  });

  it('shows a hidden entity in a visible finding as an entity you cannot see', () => {
    // acme-legacy-db (platform domain) is used by payments-reconciliation.
    const hideReconciliation = redactReport(
      report,
      ref => ref !== 'component:default/payments-reconciliation',
    );
    const finding = hideReconciliation.findings.find(
      f =>
        f.rule === 'own-datastore' &&
        f.entities.includes('resource:default/acme-legacy-db'),
    );
    // That finding belongs to the (visible) payments domain.
    expect(finding).toBeDefined();
    expect(finding!.entities).toContain(HIDDEN_ENTITY);
    expect(finding!.message).toContain(HIDDEN_ENTITY);
    expect(finding!.message).not.toContain('payments-reconciliation');
    expect(finding!.id).toMatch(/^hidden:[0-9a-f]{16}$/);
    // The domain lists only what the caller can read.
    const payments = hideReconciliation.domains.find(
      d => d.ref === 'domain:default/payments',
    )!;
    expect(payments.members.components).not.toContain(
      'component:default/payments-reconciliation',
    );
  });

  it('changes nothing for a caller who can read everything', () => {
    expect(redactReport(report, () => true)).toEqual(report);
  });

  it('leaves nothing for a caller who can read nothing', () => {
    const nothing = redactReport(report, () => false);
    expect(nothing.domains).toEqual([]);
    expect(nothing.findings).toEqual([]);
    expect(nothing.contracts).toEqual([]);
    expect(nothing.teams).toEqual([]);
    expect(nothing.repositories).toEqual([]);
    expect(nothing.isolation).toEqual([]);
  });
});

describe('redactReport on waivers', () => {
  const entity = (
    kind: string,
    name: string,
    spec: Entity['spec'],
    annotations: Record<string, string> = {},
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec,
  });
  const repo = {
    'backstage.io/source-location':
      'url:https://github.com/acme/shop/tree/main/',
  };
  const service = (
    name: string,
    system: string,
    owner: string,
    annotations: Record<string, string>,
  ) =>
    entity(
      'Component',
      name,
      { type: 'service', lifecycle: 'production', owner, system },
      annotations,
    );
  const catalog: Entity[] = [
    entity('Group', 'team', { type: 'team', children: [] }),
    entity('Group', 'secret-team', { type: 'team', children: [] }),
    entity('Domain', 'shop', { owner: 'team' }),
    entity('Domain', 'vault', { owner: 'team' }),
    entity('System', 'shop-system', { owner: 'team', domain: 'shop' }),
    entity('System', 'vault-system', { owner: 'team', domain: 'vault' }),
    // Visible, owned by a hidden team: its waiver shows without owner.
    service('cart', 'shop-system', 'secret-team', {
      ...repo,
      'domain-atlas.io/exemptions':
        'independent-pipeline: deployed by hand (until 2099-01-01)',
    }),
    // Hidden, in the visible shop domain: its expired waiver is named as
    // an entity you cannot see.
    service('ledger', 'shop-system', 'team', {
      ...repo,
      'domain-atlas.io/pipeline': 'https://ci/ledger',
      'domain-atlas.io/exemptions':
        'repo-per-service: split pending, see component:default/ledger (until 2020-01-31)',
    }),
    // Visible, in the hidden vault domain.
    service('gate', 'vault-system', 'team', {
      'domain-atlas.io/exemptions': 'independent-pipeline: gate is manual',
    }),
    // Hidden, in the hidden vault domain.
    service('safe', 'vault-system', 'team', {
      'domain-atlas.io/exemptions': 'independent-pipeline: safe is manual',
    }),
  ];
  const full = analyze(catalog, { now: '2026-12-01' });
  const hidden = new Set([
    'group:default/secret-team',
    'domain:default/vault',
    'system:default/vault-system',
    'component:default/ledger',
    'component:default/safe',
  ]);
  const redacted = redactReport(full, ref => !hidden.has(ref));

  it('lists the waivers of readable entities only, without hidden owners and domains', () => {
    expect(full.waivers.map(w => w.entity)).toEqual([
      'component:default/cart',
      'component:default/gate',
      'component:default/ledger',
      'component:default/safe',
    ]);
    expect(redacted.waivers).toEqual([
      {
        entity: 'component:default/cart',
        domain: 'domain:default/shop',
        rule: 'independent-pipeline',
        reason: 'deployed by hand',
        until: '2099-01-01',
        daysLeft: expect.any(Number),
        expired: false,
        findings: [
          'independent-pipeline:domain:default/shop:component:default/cart',
        ],
      },
      {
        entity: 'component:default/gate',
        owner: 'group:default/team',
        domain: null,
        rule: 'independent-pipeline',
        reason: 'gate is manual',
        expired: false,
        // Its finding belongs to the hidden vault domain.
        findings: [],
      },
    ]);
    expect(redacted.waivers[0]).not.toHaveProperty('owner');
    expect(full.waivers[1].findings).toHaveLength(1);
  });

  it('names the hidden entity of an expired waiver as an entity you cannot see', () => {
    const finding = redacted.findings.find(f => f.rule === 'repo-per-service')!;
    expect(finding.waived).toBe(false);
    expect(finding.expiredWaiver).toEqual({
      entity: HIDDEN_ENTITY,
      reason: `split pending, see ${HIDDEN_ENTITY}`,
      until: '2020-01-31',
    });
    expect(finding.message).toContain(`the exemption on ${HIDDEN_ENTITY}`);
    const text = JSON.stringify(redacted);
    for (const ref of hidden) {
      expect(text).not.toContain(ref);
    }
  });

  it('serves a report stored without waivers', () => {
    const { waivers, ...older } = full;
    expect(waivers.length).toBeGreaterThan(0);
    expect(
      redactReport(older as DomainAtlasReport, ref => !hidden.has(ref)).waivers,
    ).toEqual([]);
  });
});
