/**
 * The demo organisation in examples/ was designed so that every rule has a
 * violating and a clean example and every phase has a domain
 * (examples/README.md lists them). This test holds the analysis and the
 * demo to that design.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyze } from './analyze';
import { DomainAtlasReport } from './report';

const examplesDir = resolve(__dirname, '../../../examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

function loadDemo(): unknown[] {
  return yamlFiles(examplesDir).flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8')).map(doc => doc.toJS()),
  );
}

const short = (ref: string) => ref.replace(':default/', ':');

describe('the demo organisation', () => {
  let report: DomainAtlasReport;
  beforeAll(() => {
    report = analyze(loadDemo() as any[], { now: '2026-11-21T00:00:00Z' });
  });

  it('has the evidence and declared phase each domain was designed for', () => {
    const phases = Object.fromEntries(
      report.domains.map(d => [
        short(d.ref),
        [d.phase.evidence, d.phase.declared],
      ]),
    );
    expect(phases).toEqual({
      'domain:orders': [3, 3],
      'domain:order-fulfilment': [3, 3],
      'domain:payments': [2, 3],
      'domain:products': [2, 2],
      'domain:inventory': [2, 1],
      'domain:search': [2, 2],
      'domain:platform': [2, null],
      'domain:checkout': [1, 2],
      'domain:shipping': [1, 1],
      'domain:coupons': [0, 1],
      'domain:notifications': [0, 1],
      'domain:reviews': [0, 0],
    });
  });

  it('shows targets on track, at risk and overdue', () => {
    const status = Object.fromEntries(
      report.domains.map(d => [short(d.ref), d.phase.status]),
    );
    expect(status['domain:products']).toBe('on-track');
    expect(status['domain:payments']).toBe('at-risk');
    expect(status['domain:coupons']).toBe('overdue');
  });

  it('produces exactly the designed findings, bad data included', () => {
    const ruleFindings = report.findings.map(f => ({
      rule: f.rule,
      domain: f.domain && short(f.domain),
      severity: f.severity,
      waived: f.waived,
      entities: f.entities.map(short),
    }));
    const summary = ruleFindings
      .map(
        f =>
          `${f.rule} ${f.domain} ${f.severity}${
            f.waived ? ' waived' : ''
          }: ${f.entities.join(' ')}`,
      )
      .sort();
    // The table in examples/README.md, one line per finding; repo-per-domain
    // gives each domain sharing the monorepo a finding of its own.
    expect(summary).toEqual([
      'contract-versioned domain:search warning: api:search-graphql',
      'domain-owned domain:coupons error: domain:coupons group:legacy-team',
      'domain-owned domain:reviews error: domain:reviews user:li-wei',
      'events-between-domains domain:checkout warning: api:inventory-api component:checkout-orchestrator',
      'events-between-domains domain:checkout warning: api:payments-api component:checkout-orchestrator',
      'events-between-domains domain:shipping warning: component:inventory-service component:shipping-service',
      'independent-pipeline domain:checkout info: component:cart-service',
      'independent-pipeline domain:coupons info: component:coupons-service',
      'invalid-reference domain:coupons warning: api:coupons-api group:legacy-team',
      'invalid-reference domain:coupons warning: component:coupon-rules group:legacy-team',
      'invalid-reference domain:coupons warning: component:coupons-service group:legacy-team',
      'invalid-reference domain:coupons warning: domain:coupons group:legacy-team',
      'invalid-reference domain:coupons warning: group:legacy-team resource:coupons-db',
      'invalid-reference domain:coupons warning: group:legacy-team system:coupons',
      'invalid-reference domain:reviews warning: domain:customer-experience domain:reviews',
      'invalid-reference domain:shipping warning: component:shipping-service resource:carrier-rates-queue',
      'no-shared-business-logic domain:checkout error: component:checkout-orchestrator component:coupon-rules',
      'no-shared-cache domain:search warning: component:products-service component:search-indexer resource:storefront-cache',
      'own-datastore domain:payments error: component:payments-reconciliation resource:acme-legacy-db',
      'own-datastore domain:products error waived: component:catalog-reporting resource:inventory-db',
      'repo-per-domain domain:checkout error: component:cart-service component:checkout-orchestrator component:checkout-web domain:coupons domain:inventory domain:platform domain:products domain:shipping',
      'repo-per-domain domain:coupons error: component:coupon-rules component:coupons-service domain:checkout domain:inventory domain:platform domain:products domain:shipping',
      'repo-per-domain domain:inventory error: component:inventory-service component:warehouse-portal domain:checkout domain:coupons domain:platform domain:products domain:shipping',
      'repo-per-domain domain:platform error: component:acme-monolith domain:checkout domain:coupons domain:inventory domain:products domain:shipping',
      'repo-per-domain domain:products error: component:catalog-reporting component:product-admin-web component:products-service domain:checkout domain:coupons domain:inventory domain:platform domain:shipping',
      'repo-per-domain domain:shipping error: component:shipping-service domain:checkout domain:coupons domain:inventory domain:platform domain:products',
      'repo-per-service domain:checkout info: component:cart-service component:checkout-orchestrator component:checkout-web',
      'repo-per-service domain:inventory info: component:inventory-service component:warehouse-portal',
      'repo-per-service domain:notifications info: component:marketing-email-sender component:notifications-service',
      'repo-per-service domain:payments error: component:payments-service component:payments-webhooks',
      'repo-per-service domain:products info: component:catalog-reporting component:product-admin-web component:products-service',
      'repo-per-service domain:search info waived: component:search-api component:search-indexer',
      'single-owner domain:notifications error: component:marketing-email-sender domain:notifications group:growth-team',
      'team-owned domain:reviews info: api:reviews-graph-v1 user:li-wei',
      'team-owned domain:reviews info: component:reviews-service user:li-wei',
      'team-owned domain:reviews info: resource:reviews-db user:li-wei',
      'team-owned domain:reviews info: system:reviews user:li-wei',
    ]);
  });

  it('has two waivers with an end: one far off, one about to expire', () => {
    expect(
      report.waivers.map(w => ({
        entity: short(w.entity),
        owner: w.owner && short(w.owner),
        rule: w.rule,
        reason: w.reason,
        until: w.until,
        daysLeft: w.daysLeft,
        expired: w.expired,
        unused: w.unused,
        findings: w.findings.length,
      })),
    ).toEqual([
      {
        entity: 'component:catalog-reporting',
        owner: 'group:catalog-team',
        rule: 'own-datastore',
        reason: 'read replica for reporting',
        until: '2027-06-30',
        daysLeft: 221,
        expired: false,
        unused: undefined,
        findings: 1,
      },
      {
        entity: 'component:search-indexer',
        owner: 'group:platform-team',
        rule: 'repo-per-service',
        reason: 'moves to a repository of its own with the indexer rewrite',
        until: '2026-12-15',
        daysLeft: 24,
        expired: false,
        unused: undefined,
        findings: 1,
      },
    ]);
    expect(
      report.findings
        .filter(f => f.waived)
        .map(f => [f.rule, f.waiver, f.waiverUntil]),
    ).toEqual([
      ['own-datastore', 'read replica for reporting', '2027-06-30'],
      [
        'repo-per-service',
        'moves to a repository of its own with the indexer rewrite',
        '2026-12-15',
      ],
    ]);
  });

  it("brings the about-to-expire waiver's finding back once it has expired", () => {
    const later = analyze(loadDemo() as any[], { now: '2026-12-16' });
    const finding = later.findings.find(
      f =>
        f.rule === 'repo-per-service' && f.domain === 'domain:default/search',
    )!;
    expect(finding.waived).toBe(false);
    expect(finding.expiredWaiver).toEqual({
      entity: 'component:default/search-indexer',
      reason: 'moves to a repository of its own with the indexer rewrite',
      until: '2026-12-15',
    });
    expect(later.findings.filter(f => f.rule === 'unused-exemption')).toEqual(
      [],
    );
  });

  it('has the failure isolation of the seed: payments down only delays orders, notifications down affects nobody', () => {
    const name = (ref: string) => ref.replace('domain:default/', '');
    expect(
      report.isolation.map(
        e => `${name(e.down)} -> ${name(e.affected)}: ${e.impact}`,
      ),
    ).toEqual([
      'inventory -> checkout: blocked',
      'inventory -> notifications: delayed',
      'inventory -> products: blocked',
      'inventory -> search: blocked',
      'inventory -> shipping: blocked',
      'order-fulfilment -> notifications: delayed',
      'order-fulfilment -> shipping: delayed',
      'orders -> checkout: delayed',
      'orders -> notifications: delayed',
      'orders -> order-fulfilment: delayed',
      'orders -> payments: delayed',
      'orders -> shipping: delayed',
      'payments -> checkout: blocked',
      'payments -> notifications: delayed',
      'payments -> order-fulfilment: delayed',
      'payments -> orders: delayed',
      'payments -> shipping: delayed',
      'platform -> checkout: blocked',
      'platform -> notifications: delayed',
      'platform -> order-fulfilment: delayed',
      'platform -> orders: delayed',
      'platform -> payments: blocked',
      'platform -> shipping: delayed',
      'products -> search: blocked',
      'shipping -> notifications: delayed',
    ]);
    const radius = Object.fromEntries(
      report.blastRadius.map(b => [name(b.domain), [b.blocks, b.delays]]),
    );
    expect(radius.inventory).toEqual([4, 1]);
    expect(radius.notifications).toEqual([0, 0]);
  });
});
