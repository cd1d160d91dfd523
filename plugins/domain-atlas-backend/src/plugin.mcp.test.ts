import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { domainAtlasPlugin } from './plugin';
import { entity, organisation } from './testing/testCatalog';

/*
 * An AI agent's view: a real MCP client talks Streamable HTTP to a real
 * backend running the MCP actions backend, Backstage's actions services
 * and Domain Atlas, authenticated with a static external-access token as
 * the README tells adopters to configure it.
 */

const TOKEN = 'test-mcp-token-0123456789';

const catalog = [
  ...organisation,
  entity('API', 'orders-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
    definition: JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Orders', version: '2.1.0' },
      paths: {},
    }),
  }),
];

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      mcpActionsPlugin,
      domainAtlasPlugin,
      catalogServiceMock.factory({ entities: catalog }),
      // The real services, not the test doubles: the static token is read
      // from config, and actions are listed and invoked over HTTP with
      // plugin tokens, as in a production backend.
      authServiceFactory,
      httpAuthServiceFactory,
      actionsServiceFactory,
      actionsRegistryServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            actions: { pluginSources: ['domain-atlas'] },
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKEN, subject: 'mcp-clients' },
                  accessRestrictions: [
                    { plugin: 'mcp-actions' },
                    { plugin: 'domain-atlas' },
                  ],
                },
              ],
            },
          },
          mcpActions: {
            name: 'Domain Atlas',
            description: 'Who owns what, domain contracts and findings',
          },
        },
      }),
    ],
  });
  return new URL(`http://localhost:${server.port()}/api/mcp-actions/v1`);
}

async function connect(url: URL, token: string) {
  const client = new Client({ name: 'domain-atlas-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(url, {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

describe('Domain Atlas over MCP', () => {
  it('lists the Domain Atlas tools and answers who-owns and find-contract', async () => {
    const client = await connect(await startBackend(), TOKEN);
    try {
      expect(client.getServerVersion()?.name).toBe('Domain Atlas');

      const { tools } = await client.listTools();
      expect(tools.map(tool => tool.name).sort()).toEqual([
        'domain-atlas.check-contract-change',
        'domain-atlas.find-contract',
        'domain-atlas.get-domain-contracts',
        'domain-atlas.get-domain-findings',
        'domain-atlas.get-failure-impact',
        'domain-atlas.who-owns',
      ]);
      const findContract = tools.find(
        tool => tool.name === 'domain-atlas.find-contract',
      );
      expect(findContract?.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
      expect(Object.keys(findContract?.inputSchema.properties ?? {})).toEqual([
        'name',
        'version',
        'domainRef',
      ]);

      const owner = await client.callTool({
        name: 'domain-atlas.who-owns',
        arguments: { entityRef: 'orders-service' },
      });
      expect(owner.isError).toBeFalsy();
      expect(owner.structuredContent).toEqual({
        entity: 'component:default/orders-service',
        domain: 'domain:default/orders',
        domainTitle: 'orders',
        owner: 'group:default/orders-team',
      });

      const found = await client.callTool({
        name: 'domain-atlas.find-contract',
        arguments: { name: 'orders', version: '2' },
      });
      expect(found.structuredContent).toMatchObject({
        total: 1,
        contracts: [
          {
            ref: 'api:default/orders-api',
            version: '2.1.0',
            domain: 'domain:default/orders',
            type: 'openapi',
            latestChange: null,
          },
        ],
      });

      // A mistake comes back as a tool error the agent can read and fix.
      const mistaken = await client.callTool({
        name: 'domain-atlas.find-contract',
        arguments: {},
      });
      expect(mistaken).toMatchObject({
        isError: true,
        content: [
          {
            type: 'text',
            text: expect.stringMatching(
              /^InputError: Give a name, a version or a domainRef/,
            ),
          },
        ],
      });
    } finally {
      await client.close();
    }
  });

  it('turns away a client without the token', async () => {
    await expect(
      connect(await startBackend(), 'not-the-token'),
    ).rejects.toThrow(/401/);
  });
});
