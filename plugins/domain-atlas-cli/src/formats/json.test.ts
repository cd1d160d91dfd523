import { REPORT_SCHEMA_VERSION } from '@domain-atlas/plugin-domain-atlas-common';
import { demoReport } from '../__testUtils__/fixtures';
import { formatJson } from './json';

describe('formatJson', () => {
  it('is the full report: schema version, domains, findings and contracts', async () => {
    const report = await demoReport();
    const parsed = JSON.parse(formatJson(report));
    expect(parsed.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(parsed.generatedFrom).toEqual({
      entityCount: 114,
      now: '2026-11-21',
    });
    expect(parsed.domains).toHaveLength(12);
    expect(parsed.findings).toHaveLength(37);
    expect(parsed.findings[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        rule: expect.any(String),
        severity: expect.stringMatching(/^(error|warning|info)$/),
        entities: expect.any(Array),
        waived: expect.any(Boolean),
      }),
    );
    expect(
      parsed.contracts.find(
        (contract: { ref: string }) =>
          contract.ref === 'api:default/search-graphql',
      ),
    ).toEqual(
      expect.objectContaining({
        domain: 'domain:default/search',
        version: null,
      }),
    );
    // Each contract with its domain, type, version, family and consumers.
    expect(
      parsed.contracts.find(
        (contract: { ref: string }) =>
          contract.ref === 'api:default/orders-api-v2',
      ),
    ).toEqual(
      expect.objectContaining({
        domain: 'domain:default/orders',
        type: 'openapi',
        version: '2.3.0',
        family: 'orders-api',
        consumers: expect.arrayContaining([
          'component:default/order-history-web',
        ]),
        pins: expect.arrayContaining([
          {
            consumer: 'component:default/order-history-web',
            range: '^2',
            satisfied: true,
          },
        ]),
      }),
    );
    expect(parsed).toEqual(report);
  });
});
