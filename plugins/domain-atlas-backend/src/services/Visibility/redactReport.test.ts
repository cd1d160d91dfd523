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
