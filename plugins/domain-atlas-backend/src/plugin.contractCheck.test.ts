import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Server } from 'node:http';
import request from 'supertest';
import { KnexContractRevisionStore } from './database';
import { domainAtlasPlugin } from './plugin';

// Each check starts a worker thread that compiles the TypeScript sources
// it loads; four checks of 1 MiB share two cores.
jest.setTimeout(180_000);

const user = mockCredentials.user.header();

const TYPES = ['openapi', 'asyncapi', 'graphql', 'grpc'] as const;
type SpecType = (typeof TYPES)[number];

/** The recorded definition of each API: what the catalog says today. */
const DEFINITIONS: Record<SpecType, string> = {
  openapi: `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
paths:
  /orders:
    get:
      responses:
        '200': { description: OK }
`,
  asyncapi: `asyncapi: 2.6.0
info:
  title: Order events
  version: 1.0.0
channels:
  orders:
    subscribe:
      message:
        payload: { type: object }
`,
  graphql:
    'type Query {\n  order(id: ID!): Order\n}\ntype Order {\n  id: ID!\n}\n',
  grpc: 'syntax = "proto3";\npackage acme.orders.v1;\nmessage Order {\n  string id = 1;\n}\n',
};

const entity = (kind: string, name: string, spec: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

const entities: Entity[] = [
  entity('Group', 'orders-team', { type: 'team', children: [] }),
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('System', 'orders-system', { owner: 'orders-team', domain: 'orders' }),
  ...TYPES.map(type =>
    entity('API', `orders-${type}`, {
      type,
      lifecycle: 'production',
      owner: 'orders-team',
      system: 'orders-system',
      definition: DEFINITIONS[type],
    }),
  ),
  entity('Component', 'orders-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
    providesApis: TYPES.map(type => `orders-${type}`),
  }),
];

const status = (server: Server) =>
  request(server).get('/api/domain-atlas/status').set('Authorization', user);

const check = (server: Server, type: SpecType, definition: unknown) =>
  request(server)
    .post(`/api/domain-atlas/contracts/default/orders-${type}/check`)
    .set('Authorization', user)
    .send({ definition });

/** The same check with the body as raw JSON, nested too deeply to stringify. */
const checkRaw = (server: Server, type: SpecType, definitionJson: string) =>
  request(server)
    .post(`/api/domain-atlas/contracts/default/orders-${type}/check`)
    .set('Authorization', user)
    .set('Content-Type', 'application/json')
    .send(`{"definition":${definitionJson}}`);

/** A backend whose first report has recorded every API's definition. */
async function startBackend(contractCheck?: object): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          domainAtlas: {
            // No scheduled refresh while a test holds definition reads.
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 1 },
            },
            ...(contractCheck ? { contractCheck } : {}),
          },
        },
      }),
    ],
  });
  await status(server).expect(200);
  return server;
}

/** A valid OpenAPI document of just under 1 MiB: 1.0.0 plus ~6,000 paths. */
function largeOpenApi(): string {
  let text = DEFINITIONS.openapi.replace('version: 1.0.0', 'version: 1.1.0');
  for (let i = 0; text.length < 1024 * 1024 - 200; i++) {
    text += `  /orders/x${i}:
    get:
      parameters:
        - { name: q, in: query, schema: { type: string } }
      responses:
        '200': { description: OK }
`;
  }
  return text;
}

/**
 * Holds every read of a recorded definition (the step of a check before
 * its worker starts) until released, so a test knows checks are running.
 */
function holdDefinitionReads() {
  const read = KnexContractRevisionStore.prototype.getDefinition;
  let release!: () => void;
  const released = new Promise<void>(resolve => {
    release = resolve;
  });
  const arrivals: Array<() => void> = [];
  jest
    .spyOn(KnexContractRevisionStore.prototype, 'getDefinition')
    .mockImplementation(async function held(
      this: KnexContractRevisionStore,
      id: number,
    ) {
      arrivals.shift()?.();
      await released;
      return read.call(this, id);
    });
  return {
    /** Resolves once one more read is being held. */
    nextRead: () => new Promise<void>(resolve => arrivals.push(resolve)),
    release,
  };
}

afterEach(() => jest.restoreAllMocks());

const TOO_DEEP =
  'The candidate definition nests more than 256 levels deep; Domain Atlas compares definitions nested up to 256 levels';
const DEEP = 100_000;
const deepJson = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;

describe('domainAtlasPlugin contract check limits', () => {
  it('keeps answering other routes while checks of 1 MiB definitions run', async () => {
    const server = await startBackend({ maxConcurrent: 4 });
    const candidate = largeOpenApi();

    let checksAnswered = 0;
    const checks = Promise.all(
      Array.from({ length: 4 }, () =>
        check(server, 'openapi', candidate).then(response => {
          checksAnswered++;
          return response;
        }),
      ),
    );
    // Ask for the status, one request after the other, until a check
    // answers: each answer that arrives first was served while all four
    // checks were being compared.
    let statusesBeforeAnyCheck = 0;
    while (checksAnswered === 0) {
      expect((await status(server)).status).toBe(200);
      if (checksAnswered === 0) {
        statusesBeforeAnyCheck++;
      }
    }

    const responses = await checks;
    expect(responses.map(response => response.status)).toEqual([
      200, 200, 200, 200,
    ]);
    expect(responses[0].body.diff).toMatchObject({
      classification: 'non-breaking',
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
    });
    expect(statusesBeforeAnyCheck).toBeGreaterThanOrEqual(10);
  });

  it('turns away checks beyond two at once with 503 and Retry-After', async () => {
    const server = await startBackend();
    const reads = holdDefinitionReads();
    const candidate = DEFINITIONS.openapi.replace('1.0.0', '1.0.1');

    const bothRead = Promise.all([reads.nextRead(), reads.nextRead()]);
    const running = [
      check(server, 'openapi', candidate),
      check(server, 'openapi', candidate),
    ].map(call => call.then(response => response));
    await bothRead;
    const third = await check(server, 'openapi', candidate);
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('2');
    expect(third.body.error.message).toBe(
      'Domain Atlas is already comparing 2 definitions; try again in a moment',
    );

    reads.release();
    expect((await Promise.all(running)).map(r => r.status)).toEqual([200, 200]);
    // Their slots are free again.
    expect((await check(server, 'openapi', candidate)).status).toBe(200);
  });

  it('answers 413 for a candidate over 1 MiB, counted in UTF-8 bytes', async () => {
    const server = await startBackend();
    // 600,000 characters, 1.2 MB.
    const text = `openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.0.1\n  description: ${'é'.repeat(
      600_000,
    )}\npaths: {}\n`;
    const bytes = Buffer.byteLength(text);

    const response = await check(server, 'openapi', text);
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      `The candidate definition is ${bytes} bytes, over the 1048576-byte limit (domainAtlas.contractCheck.maxDefinitionBytes)`,
    );
    const asJson = await check(server, 'openapi', {
      openapi: '3.0.3',
      info: { title: 'Orders', version: '1.0.1' },
      paths: {},
      'x-padding': 'x'.repeat(1024 * 1024),
    });
    expect(asJson.status).toBe(413);
    expect((await status(server)).status).toBe(200);
  });

  it.each(TYPES)(
    'rejects a %s candidate nested 100,000 levels deep with 400',
    async type => {
      const server = await startBackend();
      const native: Record<SpecType, string[]> = {
        openapi: [`x:\n${'- '.repeat(DEEP)}a`, `x: ${'['.repeat(DEEP)}`],
        asyncapi: [`x:\n${'- '.repeat(DEEP)}a`, `x: ${'{a: '.repeat(DEEP)}`],
        graphql: [`type Query { f: ${'['.repeat(DEEP)}Int }`],
        grpc: [`syntax = "proto3";\n${'message M {'.repeat(DEEP / 10)}`],
      };
      const candidates: Array<[string, ReturnType<typeof check>]> = [
        ['JSON text', check(server, type, deepJson)],
        ['JSON object', checkRaw(server, type, deepJson)],
        ...native[type].map((text): [string, ReturnType<typeof check>] => [
          'native',
          check(server, type, text),
        ]),
      ];

      for (const [form, call] of candidates) {
        const response = await call;
        expect({ form, status: response.status }).toEqual({
          form,
          status: 400,
        });
        expect(response.body.error.message).toBe(TOO_DEEP);
      }
      // A sane candidate of the same type is still compared.
      expect((await check(server, type, DEFINITIONS[type])).status).toBe(200);
    },
  );

  it('stops a check that needs more memory than allowed, and keeps serving', async () => {
    const server = await startBackend({ maxMemoryMb: 64 });

    const tooBig = await check(server, 'openapi', largeOpenApi());
    expect(tooBig.status).toBe(503);
    expect(tooBig.body.error.message).toBe(
      'Comparing the definitions needed more than 64 MB of memory and was stopped (domainAtlas.contractCheck.maxMemoryMb)',
    );

    expect((await status(server)).status).toBe(200);
    const small = await check(
      server,
      'openapi',
      DEFINITIONS.openapi.replace('1.0.0', '1.0.1'),
    );
    expect(small.status).toBe(200);
    expect(small.body.diff.toVersion).toBe('1.0.1');
  });

  it('stops a check that runs over its time, and keeps serving', async () => {
    const server = await startBackend({ timeout: { milliseconds: 200 } });
    const candidate = largeOpenApi();

    // Three in a row: a stopped check gives its slot back.
    for (let attempt = 0; attempt < 3; attempt++) {
      const slow = await check(server, 'openapi', candidate);
      expect(slow.status).toBe(503);
      expect(slow.body.error.message).toBe(
        'Comparing the definitions took longer than 200 ms and was stopped (domainAtlas.contractCheck.timeout)',
      );
    }
    expect((await status(server)).status).toBe(200);
    expect(
      (
        await request(server)
          .get('/api/domain-atlas/domains')
          .set('Authorization', user)
      ).status,
    ).toBe(200);
  });
});
