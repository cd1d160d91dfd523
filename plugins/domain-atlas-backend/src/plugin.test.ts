import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'orders', title: 'Orders' },
    spec: { owner: 'orders-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'coupons' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders-service' },
    spec: { type: 'service', owner: 'orders-team', lifecycle: 'production' },
  },
];

describe('domainAtlasPlugin', () => {
  async function startBackend() {
    const { server } = await startTestBackend({
      features: [domainAtlasPlugin, catalogServiceMock.factory({ entities })],
    });
    return server;
  }

  it('lists the domains of the catalog with their owners', async () => {
    const server = await startBackend();

    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        { ref: 'domain:default/coupons', title: 'coupons', owner: null },
        {
          ref: 'domain:default/orders',
          title: 'Orders',
          owner: 'group:default/orders-team',
        },
      ],
    });
  });

  it('answers one domain, and 404 for a domain that does not exist', async () => {
    const server = await startBackend();

    const found = await request(server)
      .get('/api/domain-atlas/domains/default/orders')
      .set('Authorization', mockCredentials.user.header());
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      ref: 'domain:default/orders',
      owner: 'group:default/orders-team',
    });

    const missing = await request(server)
      .get('/api/domain-atlas/domains/default/nope')
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No domain domain:default/nope in the catalog',
    );
  });

  it('refuses requests without credentials', async () => {
    const server = await startBackend();

    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
  });
});
