import { DomainAtlasClient } from './DomainAtlasClient';

describe('DomainAtlasClient', () => {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) =>
      `http://backstage.test/api/${pluginId}`,
  };

  it('fetches the domains from the backend through the fetch API', async () => {
    const items = [
      { ref: 'domain:default/orders', title: 'Orders', owner: null },
    ];
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ items }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.listDomains()).resolves.toEqual(items);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/domain-atlas/domains',
    );
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'denied' },
            request: { method: 'GET', url: '/domains' },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.listDomains()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'denied' } },
    });
  });

  it('builds the routes of one domain, team and entity from their refs', async () => {
    const fetch = jest.fn(
      async () =>
        new Response('{}', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await client.getDomain('domain:default/orders');
    await client.getTeam('group:platform/orders-team');
    await client.getEntityFindings('Component:default/orders-service');

    expect(fetch.mock.calls.map(call => (call as unknown[])[0])).toEqual([
      'http://backstage.test/api/domain-atlas/domains/default/orders',
      'http://backstage.test/api/domain-atlas/teams/platform/orders-team',
      'http://backstage.test/api/domain-atlas/entities/component/default/orders-service/findings',
    ]);
  });
});
