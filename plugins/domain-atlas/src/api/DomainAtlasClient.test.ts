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

  function jsonResponses(...bodies: unknown[]) {
    const fetch = jest.fn();
    for (const body of bodies) {
      fetch.mockResolvedValueOnce(
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
    return fetch;
  }

  it('pages through the findings until it has them all', async () => {
    const finding = (n: number) => ({ id: `f${n}`, rule: 'single-owner' });
    const fetch = jsonResponses(
      { items: [finding(1), finding(2)], totalCount: 3, offset: 0, limit: 500 },
      { items: [finding(3)], totalCount: 3, offset: 2, limit: 500 },
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    const findings = await client.listFindings({
      rule: 'single-owner',
      waived: false,
    });

    expect(findings.map(f => f.id)).toEqual(['f1', 'f2', 'f3']);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage.test/api/domain-atlas/findings?rule=single-owner&waived=false&offset=0&limit=500',
      'http://backstage.test/api/domain-atlas/findings?rule=single-owner&waived=false&offset=2&limit=500',
    ]);
  });

  it('asks for the teams, migration, isolation, rules and waivers views', async () => {
    const teams = { teams: [], domains: [] };
    const migration = { phases: {}, domains: [], burnUp: [] };
    const isolation = { domains: [], titles: {}, entries: [], blastRadius: [] };
    const rules = [{ id: 'single-owner', principle: 'No shared ownership' }];
    const waivers = [
      { entity: 'component:default/cart', rule: 'single-owner', findings: [] },
    ];
    const fetch = jsonResponses(
      teams,
      migration,
      isolation,
      { items: rules },
      { items: waivers },
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.getTeams()).resolves.toEqual(teams);
    await expect(client.getMigration({ days: 90 })).resolves.toEqual(migration);
    await expect(client.getIsolation()).resolves.toEqual(isolation);
    await expect(client.listRules()).resolves.toEqual(rules);
    await expect(client.listWaivers()).resolves.toEqual(waivers);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage.test/api/domain-atlas/teams',
      'http://backstage.test/api/domain-atlas/migration?days=90',
      'http://backstage.test/api/domain-atlas/isolation',
      'http://backstage.test/api/domain-atlas/rules',
      'http://backstage.test/api/domain-atlas/waivers',
    ]);
  });

  it('lists the contracts and fetches one contract by its API ref', async () => {
    const items = [{ ref: 'api:default/orders-api-v2', title: 'Orders API' }];
    const detail = { contract: { ref: 'api:default/orders-api-v2' } };
    const fetch = jsonResponses({ items }, detail);
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.listContracts()).resolves.toEqual(items);
    await expect(
      client.getContract('api:default/orders-api-v2'),
    ).resolves.toEqual(detail);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage.test/api/domain-atlas/contracts',
      'http://backstage.test/api/domain-atlas/contracts/default/orders-api-v2',
    ]);
  });

  it('posts a candidate definition to the check route', async () => {
    const result = { api: 'api:default/orders-api-v2', breaks: [] };
    const fetch = jsonResponses(result);
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.checkContract('orders-api-v2', 'openapi: 3.0.3\n'),
    ).resolves.toEqual(result);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://backstage.test/api/domain-atlas/contracts/default/orders-api-v2/check',
    );
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(init.body)).toEqual({ definition: 'openapi: 3.0.3\n' });
  });

  it('rejects with the 404 when the backend has not analysed the API', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'no such API' },
            request: { method: 'GET', url: '/contracts/default/x' },
            response: { statusCode: 404 },
          }),
          { status: 404, headers: { 'content-type': 'application/json' } },
        ),
    );
    const client = new DomainAtlasClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.getContract('api:default/x')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
});
