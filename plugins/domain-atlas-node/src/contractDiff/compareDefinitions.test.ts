import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { compareDefinitions } from './compareDefinitions';

const openApi = (version: string, extra = '', withDelete = true) => `
openapi: 3.0.3
info:
  title: Orders
  version: ${version}
paths:
  /orders/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
${
  withDelete
    ? `    delete:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: Cancelled }
`
    : ''
}components:
  schemas:
    Order:
      type: object
      required: [id]
      properties:
        id: { type: string }
        total: { type: number }${extra}
`;

const asyncApi = (version: string, channels: string[], extra = '') => `
asyncapi: 2.6.0
info:
  title: Order events
  version: ${version}
channels:
${channels
  .map(
    channel => `  ${channel}:
    subscribe:
      message:
        payload:
          type: object
          properties:
            orderId: { type: string }${extra}
`,
  )
  .join('')}`;

const proto = (pkg: string, withCancel: boolean, extraField = '') => `
syntax = "proto3";
package ${pkg};
import "google/protobuf/timestamp.proto";
service Orders {
  rpc Get(GetRequest) returns (Order);
${withCancel ? '  rpc Cancel(GetRequest) returns (Order);\n' : ''}}
message GetRequest { string id = 1; }
message Order { string id = 1; int64 total = 2; google.protobuf.Timestamp at = 3;${extraField} }
`;

const graphql = (fields: string) => `
type Order { id: ID! ${fields} }
type Query { order(id: ID!): Order }
`;

describe('compareDefinitions', () => {
  describe('openapi (api-smart-diff)', () => {
    it('classifies a removed operation as breaking and asks for a major version', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: openApi('2.0.0'),
        after: openApi('2.1.0', '', false),
      });
      expect(diff).toMatchObject({
        type: 'openapi',
        tool: 'api-smart-diff',
        fromVersion: '2.0.0',
        toVersion: '2.1.0',
        majorChanged: false,
        classification: 'breaking',
        needsMajor: true,
      });
      expect(diff.changes).toContainEqual(
        expect.objectContaining({
          class: 'breaking',
          action: 'removed',
          message: '[Removed] operation DELETE /orders/{id}',
        }),
      );
    });

    it('does not ask for a major version when the major version changed', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: openApi('2.0.0'),
        after: openApi('3.0.0', '', false),
      });
      expect(diff).toMatchObject({
        classification: 'breaking',
        majorChanged: true,
        needsMajor: false,
      });
    });

    it('classifies an added optional field as non-breaking', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: openApi('2.0.0'),
        after: openApi('2.1.0', '\n        note: { type: string }'),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes.map(change => change.class)).not.toContain(
        'breaking',
      );
      expect(diff.changes).toContainEqual(
        expect.objectContaining({ action: 'added', class: 'non-breaking' }),
      );
    });

    it('treats a version-only edit as non-breaking', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: openApi('2.0.0'),
        after: openApi('2.0.1'),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toEqual([
        expect.objectContaining({
          path: 'info.version',
          class: 'non-breaking',
        }),
      ]);
    });

    it('reports a malformed definition as a problem, not an exception', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: openApi('2.0.0'),
        after: 'openapi: 3.0.3\ninfo: [unclosed',
      });
      expect(diff).toMatchObject({
        classification: 'unclassified',
        changes: [],
        needsMajor: false,
      });
      expect(diff.problem).toMatch(/^the new definition does not parse/);
    });

    it('accepts definitions given as objects (inline YAML in the catalog)', async () => {
      const before = {
        openapi: '3.0.3',
        info: { title: 'x', version: '1.0.0' },
        paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
      };
      const diff = await compareDefinitions({
        type: 'openapi',
        before,
        after: { ...before, paths: {} },
      });
      expect(diff.classification).toBe('breaking');
    });
  });

  describe('asyncapi (@asyncapi/diff)', () => {
    it('classifies a removed channel as breaking', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: asyncApi('1.0.0', ['orders.placed', 'orders.cancelled']),
        after: asyncApi('1.1.0', ['orders.placed']),
      });
      expect(diff).toMatchObject({
        tool: '@asyncapi/diff',
        classification: 'breaking',
        needsMajor: true,
      });
      expect(diff.changes).toContainEqual({
        class: 'breaking',
        action: 'removed',
        path: 'channels.orders.cancelled',
        message: '[Removed] channel `orders.cancelled`',
      });
    });

    it('classifies an added optional payload field as non-breaking', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: asyncApi('1.0.0', ['orders.placed']),
        after: asyncApi(
          '1.1.0',
          ['orders.placed'],
          '\n            note: { type: string }',
        ),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toContainEqual(
        expect.objectContaining({ action: 'added', class: 'non-breaking' }),
      );
    });

    it('treats a version-only edit as non-breaking (the library alone calls it breaking)', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: asyncApi('1.0.0', ['orders.placed']),
        after: asyncApi('1.0.1', ['orders.placed']),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toEqual([
        expect.objectContaining({
          path: 'info.version',
          class: 'non-breaking',
        }),
      ]);
    });

    it('reports a malformed definition as a problem', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: asyncApi('1.0.0', ['orders.placed']),
        after: 'title: not an AsyncAPI document',
      });
      expect(diff.classification).toBe('unclassified');
      expect(diff.problem).toMatch(/no 'asyncapi' version field/);
    });
  });

  describe('grpc (buf)', () => {
    it('classifies a removed RPC as breaking', async () => {
      const diff = await compareDefinitions({
        type: 'grpc',
        before: proto('acme.orders.v1', true),
        after: proto('acme.orders.v1', false),
      });
      expect(diff).toMatchObject({
        tool: '@bufbuild/buf',
        fromVersion: '1',
        toVersion: '1',
        classification: 'breaking',
        needsMajor: true,
      });
      expect(diff.changes).toContainEqual(
        expect.objectContaining({
          class: 'breaking',
          action: 'removed',
          path: 'RPC_NO_DELETE',
          message: expect.stringContaining(
            'RPC "Cancel" on service "Orders" was deleted',
          ),
        }),
      );
    });

    it('classifies an added optional field as non-breaking', async () => {
      const diff = await compareDefinitions({
        type: 'grpc',
        before: proto('acme.orders.v1', true),
        after: proto('acme.orders.v1', true, ' string note = 4;'),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toEqual([
        expect.objectContaining({ class: 'non-breaking' }),
      ]);
    });

    it('finds no breaking change when only a comment changed', async () => {
      const before = proto('acme.orders.v1', true);
      const diff = await compareDefinitions({
        type: 'grpc',
        before,
        after: `// Orders API, reviewed\n${before}`,
      });
      expect(diff.classification).toBe('non-breaking');
      // buf names breaking changes only; the text did change.
      expect(diff.changes).toEqual([
        {
          class: 'non-breaking',
          action: 'changed',
          path: 'contract.proto',
          message: 'Changed; buf found no breaking change (FILE rules)',
        },
      ]);
    });

    it('treats a new package version as a new major version, so breaking is allowed', async () => {
      const diff = await compareDefinitions({
        type: 'grpc',
        before: proto('acme.orders.v1', true),
        after: proto('acme.orders.v2', true),
      });
      expect(diff).toMatchObject({
        fromVersion: '1',
        toVersion: '2',
        majorChanged: true,
        classification: 'breaking',
        needsMajor: false,
      });
      expect(diff.changes).toContainEqual(
        expect.objectContaining({ path: 'FILE_SAME_PACKAGE' }),
      );
    });

    it('says which side does not compile', async () => {
      const diff = await compareDefinitions({
        type: 'grpc',
        before: 'syntax = "proto3"; mesage Order {',
        after: proto('acme.orders.v1', true),
      });
      expect(diff.problem).toMatch(/^the old definition does not compile/);
    });

    it('reports a definition that does not compile as a problem', async () => {
      const diff = await compareDefinitions({
        type: 'grpc',
        before: proto('acme.orders.v1', true),
        after: 'syntax = "proto3"; mesage Order {',
      });
      expect(diff.classification).toBe('unclassified');
      expect(diff.problem).toMatch(/^the new definition does not compile/);
    });
  });

  // GraphQL SDL carries no version, so there is no version-only edit: the
  // API's version comes from its annotation or name.
  describe('graphql (@graphql-inspector/core)', () => {
    it('classifies a removed field as breaking', async () => {
      const diff = await compareDefinitions({
        type: 'graphql',
        before: graphql('total: Float'),
        after: graphql(''),
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
      });
      expect(diff).toMatchObject({
        tool: '@graphql-inspector/core',
        classification: 'breaking',
        needsMajor: true,
      });
      expect(diff.changes).toContainEqual({
        class: 'breaking',
        action: 'removed',
        path: 'Order.total',
        message: "Field 'total' was removed from object type 'Order'",
      });
    });

    it('classifies an added optional field as non-breaking', async () => {
      const diff = await compareDefinitions({
        type: 'graphql',
        before: graphql('total: Float'),
        after: graphql('total: Float note: String'),
      });
      expect(diff.classification).toBe('non-breaking');
    });

    it('finds nothing to report in an unchanged schema', async () => {
      const diff = await compareDefinitions({
        type: 'graphql',
        before: graphql('total: Float'),
        after: `# reformatted\n${graphql('total: Float')}`,
      });
      expect(diff).toMatchObject({
        classification: 'non-breaking',
        changes: [],
      });
    });

    it('reports an invalid schema as a problem', async () => {
      const diff = await compareDefinitions({
        type: 'graphql',
        before: graphql('total: Float'),
        after: 'type Query { order: Missing }',
      });
      expect(diff.classification).toBe('unclassified');
      expect(diff.problem).toMatch(/no valid GraphQL schema/);
    });
  });

  it('refuses oversized definitions before parsing them', async () => {
    const diff = await compareDefinitions({
      type: 'openapi',
      before: openApi('1.0.0'),
      after: openApi('1.0.1'),
      maxDefinitionSize: 100,
    });
    expect(diff.problem).toMatch(/over the 100 limit/);
  });

  it('keeps the breaking changes first when a diff finds more than it lists', async () => {
    const properties = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `\n        p${i}: { type: string }`,
      ).join('');
    const diff = await compareDefinitions({
      type: 'openapi',
      before: openApi('2.0.0'),
      after: openApi('2.1.0', properties(600), false),
    });
    expect(diff.changes).toHaveLength(500);
    expect(diff.omittedChanges).toBeGreaterThan(100);
    expect(diff.changes[0].class).toBe('breaking');
    expect(diff.classification).toBe('breaking');
  });

  it('says which types it cannot compare', async () => {
    const diff = await compareDefinitions({
      type: 'trpc',
      before: 'a',
      after: 'b',
    });
    expect(diff).toMatchObject({
      classification: 'unclassified',
      tool: 'none',
    });
    expect(diff.problem).toMatch(/cannot compare 'trpc' definitions/);
  });

  describe('never fetches a $ref or URL', () => {
    let server: Server;
    let requests: string[];
    let base: string;

    beforeAll(async () => {
      requests = [];
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        res.end('type: object\nproperties:\n  x: { type: string }\n');
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise(resolve => server.close(resolve)));

    it('compares OpenAPI and AsyncAPI documents with remote references without a single request', async () => {
      const remote = `\n        remote: { $ref: '${base}/schemas/remote.yaml' }`;
      const openApiDiff = await compareDefinitions({
        type: 'openapi',
        before: openApi('1.0.0', remote),
        after: openApi(
          '1.1.0',
          `${remote}\n        note: { $ref: '${base}/note.yaml' }`,
        ),
      });
      const asyncApiDiff = await compareDefinitions({
        type: 'asyncapi',
        before: asyncApi(
          '1.0.0',
          ['a'],
          `\n            x: { $ref: '${base}/x.yaml' }`,
        ),
        after: asyncApi(
          '1.0.0',
          ['a', 'b'],
          `\n            x: { $ref: '${base}/y.yaml' }`,
        ),
      });
      expect(openApiDiff.problem).toBeUndefined();
      expect(asyncApiDiff.problem).toBeUndefined();
      expect(requests).toEqual([]);
    });
  });
});
