// The demo's contract history through the REST API (started by
// scripts/e2e.mjs): app-config.yaml backfills orders-api-v2 at 2.2.0, the
// catalog has 2.3.0 without the invoice operation.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { domainAtlas } from './demoApi.mjs';

describe('contract versions in the demo', () => {
  it('lists every demo contract with its version, and the breaking change of orders-api-v2', async () => {
    const { status, body } = await domainAtlas('/contracts');
    assert.equal(status, 200);
    assert.equal(body.items.length, 18);
    const orders = body.items.find(c => c.ref === 'api:default/orders-api-v2');
    assert.deepEqual(orders.latestChange, {
      classification: 'breaking',
      needsMajor: true,
      fromVersion: '2.2.0',
      toVersion: '2.3.0',
      at: orders.latestChange.at,
    });
    const payments = body.items.find(c => c.ref === 'api:default/payments-api');
    assert.equal(payments.unsatisfiedPins, 1);
  });

  it('answers the history of orders-api-v2 with the removed operation, its family and consumers', async () => {
    const { status, body } = await domainAtlas(
      '/contracts/default/orders-api-v2',
    );
    assert.equal(status, 200);
    assert.deepEqual(
      body.history.map(revision => revision.version),
      ['2.2.0', '2.3.0'],
    );
    assert.equal(body.history[0].firstSeen, '2026-09-01T00:00:00.000Z');
    const messages = body.history[1].change.changes
      .filter(change => change.class === 'breaking')
      .map(change => change.message);
    assert.deepEqual(messages, [
      '[Removed] operation GET /orders/{orderId}/invoice',
    ]);
    assert.deepEqual(
      body.family.map(member => [member.ref, member.version]),
      [
        ['api:default/orders-api-v1', '1.8.2'],
        ['api:default/orders-api-v2', '2.3.0'],
      ],
    );
    assert.ok(body.consumers.length > 0);
  });

  it('reports the recorded breaking change as a finding', async () => {
    const { body } = await domainAtlas(
      '/findings?rule=breaking-change-needs-major',
    );
    assert.deepEqual(
      body.items.map(finding => [finding.domain, finding.entities[0]]),
      [['domain:default/orders', 'api:default/orders-api-v2']],
    );
  });

  it('answers what shipping the old definition again would break', async () => {
    const definition = await readFile(
      new URL(
        '../../../examples/history/orders-api-v2-2.2.0.openapi.json',
        import.meta.url,
      ),
      'utf8',
    );
    const { status, body } = await domainAtlas(
      '/contracts/default/orders-api-v2/check',
      { method: 'POST', body: JSON.stringify({ definition }) },
    );
    assert.equal(status, 200);
    assert.equal(body.diff.classification, 'non-breaking');
    assert.equal(body.diff.toVersion, '2.2.0');
  });
});
