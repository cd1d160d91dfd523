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
});
