import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDefinitions } from './compareDefinitions';

const fixture = (name: string) =>
  readFileSync(
    join(__dirname, '__fixtures__', 'openapi-change-kinds', name),
    'utf8',
  );

const ok = { description: 'ok' };

/** An OpenAPI document with the given paths and components. */
const document = (paths: object, components: object = {}) => ({
  openapi: '3.0.3',
  info: { title: 'Loans', version: '1.0.0' },
  paths,
  components,
});

const breakingOf = <T extends { class: string }>(changes: T[]) =>
  changes.filter(change => change.class === 'breaking');

describe('openApiDiffer', () => {
  describe('one entry per change, named by where it is', () => {
    it('lists a 405 removed from two operations twice, each naming its operation', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document({
          '/loans': {
            get: { responses: { 200: ok, 405: ok } },
            post: { responses: { 201: ok, 405: ok } },
          },
        }),
        after: document({
          '/loans': {
            get: { responses: { 200: ok } },
            post: { responses: { 201: ok } },
          },
        }),
      });
      expect(diff.changes).toEqual([
        {
          class: 'non-breaking',
          action: 'removed',
          path: 'paths./loans.get.responses.405',
          message: 'GET /loans: [Removed] Response 405',
        },
        {
          class: 'non-breaking',
          action: 'removed',
          path: 'paths./loans.post.responses.405',
          message: 'POST /loans: [Removed] Response 405',
        },
      ]);
    });

    it('lists a success response removed from two operations as two breaking changes', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document({
          '/loans': { get: { responses: { 200: ok } } },
          '/members': { get: { responses: { 200: ok } } },
        }),
        after: document({
          '/loans': { get: { responses: { default: ok } } },
          '/members': { get: { responses: { default: ok } } },
        }),
      });
      expect(breakingOf(diff.changes)).toEqual([
        expect.objectContaining({
          path: 'paths./loans.get.responses.200',
          message: 'GET /loans: [Removed] Response 200',
        }),
        expect.objectContaining({
          path: 'paths./members.get.responses.200',
          message: 'GET /members: [Removed] Response 200',
        }),
      ]);
    });

    it('names the parameter a nested change is in', async () => {
      const parameter = (schema: object) => ({
        '/loans': {
          get: {
            parameters: [{ in: 'query', name: 'q', schema }],
            responses: { 200: ok },
          },
        },
      });
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(parameter({ type: 'string', maxLength: 60 })),
        after: document(parameter({ type: 'string', maxLength: 40 })),
      });
      expect(diff.changes).toEqual([
        {
          class: 'breaking',
          action: 'changed',
          path: 'paths./loans.get.parameters.0.schema.maxLength',
          message: 'GET /loans query parameter `q`: [Changed] schema.maxLength',
        },
      ]);
    });
  });

  describe('components', () => {
    it('does not call removing an unreferenced schema breaking', async () => {
      const paths = {
        '/loans': {
          get: {
            responses: {
              200: {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Loan' },
                  },
                },
              },
            },
          },
        },
      };
      const loan = { type: 'object', properties: { id: { type: 'string' } } };
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(paths, {
          schemas: { Loan: loan, LegacyLoan: { type: 'object' } },
        }),
        after: document(paths, { schemas: { Loan: loan } }),
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toEqual([
        {
          class: 'non-breaking',
          action: 'removed',
          path: 'components.schemas.LegacyLoan',
          message: '[Removed] schema `LegacyLoan` (unreferenced)',
        },
      ]);
    });

    it('lists each component of a removed section; one still referenced stays breaking', async () => {
      const paths = {
        '/loans': {
          get: {
            parameters: [{ $ref: '#/components/parameters/Page' }],
            responses: { 200: ok },
          },
        },
      };
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(paths, {
          parameters: {
            Page: { in: 'query', name: 'page', schema: { type: 'integer' } },
          },
          headers: {
            Sunset: { schema: { type: 'string' } },
            Deprecation: { schema: { type: 'string' } },
          },
        }),
        after: document(paths),
      });
      expect(
        diff.changes.filter(change => change.path.startsWith('components')),
      ).toEqual([
        {
          class: 'breaking',
          action: 'removed',
          path: 'components.parameters.Page',
          message: '[Removed] parameter `Page`',
        },
        {
          class: 'non-breaking',
          action: 'removed',
          path: 'components.headers.Sunset',
          message: '[Removed] header `Sunset` (unreferenced)',
        },
        {
          class: 'non-breaking',
          action: 'removed',
          path: 'components.headers.Deprecation',
          message: '[Removed] header `Deprecation` (unreferenced)',
        },
      ]);
    });

    it('classifies a change to a used schema at each operation using it', async () => {
      const uses = (method: string) => ({
        [method]: {
          requestBody: {
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Loan' },
              },
            },
          },
          responses: { 204: ok },
        },
      });
      const loan = (days: object) => ({
        schemas: {
          Loan: { type: 'object', properties: { days } },
        },
      });
      const paths = { '/loans': { ...uses('post'), ...uses('put') } };
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(paths, loan({ type: 'number' })),
        after: document(paths, loan({ type: 'string' })),
      });
      expect(breakingOf(diff.changes)).toEqual([
        expect.objectContaining({
          path: 'paths./loans.post.requestBody.content.application/json.schema.properties.days.type',
          message: expect.stringMatching(/^POST \/loans: /),
        }),
        expect.objectContaining({
          path: 'paths./loans.put.requestBody.content.application/json.schema.properties.days.type',
          message: expect.stringMatching(/^PUT \/loans: /),
        }),
        expect.objectContaining({
          path: 'components.schemas.Loan.properties.days.type',
          message: 'schema `Loan`: [Changed] properties.days.type',
        }),
      ]);
    });
  });

  describe('security, per operation', () => {
    const secured = (security: object[] | undefined) => ({
      ...document({
        '/holds': {
          post: { ...(security ? { security } : {}), responses: { 201: ok } },
        },
      }),
      security: [{ token: [] }],
    });

    it.each([
      [
        'an alternative removed while another remains',
        [{ token: [] }, { oauth: [] }],
        [{ oauth: [] }],
        [
          {
            class: 'breaking',
            message:
              'POST /holds: [Removed] security alternative `token`; clients authenticating with it are refused',
          },
        ],
      ],
      [
        'a scope now required',
        [{ oauth: [] }],
        [{ oauth: ['holds:write'] }],
        [
          {
            class: 'breaking',
            message:
              'POST /holds: [Added] scope `holds:write` required of security scheme `oauth`; tokens without it are refused',
          },
        ],
      ],
      [
        'every requirement dropped (anyone may call)',
        [{ oauth: [] }],
        [],
        [
          {
            class: 'non-breaking',
            message:
              'POST /holds: [Removed] security requirement; the operation no longer asks for credentials',
          },
        ],
      ],
      [
        'an alternative added',
        [{ oauth: [] }],
        [{ oauth: [] }, { token: [] }],
        [
          {
            class: 'non-breaking',
            message: 'POST /holds: [Added] security alternative `token`',
          },
        ],
      ],
    ])('%s', async (_, before, after, expected) => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: secured(before),
        after: secured(after),
      });
      expect(diff.changes).toEqual(
        expected.map(change => expect.objectContaining(change)),
      );
    });
  });

  /**
   * Schema changes api-smart-diff classifies otherwise than oasdiff's rule
   * table (`checker/rules.go`, ERR and WARN counting as breaking); see
   * docs/contract-diffs.md.
   */
  describe('schema changes in requests and responses, as oasdiff classifies them', () => {
    const responding = (schema: object, mediaType = 'application/json') => ({
      '/loans': {
        get: {
          responses: {
            200: { description: 'ok', content: { [mediaType]: { schema } } },
          },
        },
      },
    });
    const receiving = (schema: object, mediaType = 'application/json') => ({
      '/loans': {
        post: {
          requestBody: { content: { [mediaType]: { schema } } },
          responses: { 204: ok },
        },
      },
    });
    const object = (properties: object) => ({ type: 'object', properties });
    const page = { $ref: '#/components/schemas/Page' };
    const response = 'paths./loans.get.responses.200.content.application/json';
    const request = 'paths./loans.post.requestBody.content';

    it.each([
      [
        'number → string',
        object({ total: { type: 'number' } }),
        object({ total: { type: 'string' } }),
        `${response}.schema.properties.total.type`,
        'GET /loans: [Replaced] type definition of `total` in Response 200 content (application/json)',
      ],
      [
        'object → array',
        object({ loan: { type: 'object' } }),
        object({ loan: { type: 'array', items: { type: 'string' } } }),
        `${response}.schema.properties.loan.type`,
        'GET /loans: [Replaced] type definition of `loan` in Response 200 content (application/json)',
      ],
      [
        'integer → number (more values than clients expect)',
        object({ total: { type: 'integer' } }),
        object({ total: { type: 'number' } }),
        `${response}.schema.properties.total.type`,
        'GET /loans: [Replaced] type definition of `total` in Response 200 content (application/json)',
      ],
      [
        'format int32 → int64',
        object({ total: { type: 'integer', format: 'int32' } }),
        object({ total: { type: 'integer', format: 'int64' } }),
        `${response}.schema.properties.total.format`,
        'GET /loans: [Replaced] value format of `total` in Response 200 content (application/json)',
      ],
      [
        'in the objects of an array',
        { type: 'array', items: object({ total: { type: 'number' } }) },
        { type: 'array', items: object({ total: { type: 'string' } }) },
        `${response}.schema.items.properties.total.type`,
        'GET /loans: [Replaced] type definition of `[].total` in Response 200 content (application/json)',
      ],
      [
        'of an array’s items',
        { type: 'array', items: { type: 'number' } },
        { type: 'array', items: { type: 'string' } },
        `${response}.schema.items.type`,
        'GET /loans: [Replaced] type definition of `[]` in Response 200 content (application/json)',
      ],
    ])(
      'calls a response property’s changed type breaking: %s',
      async (_, before, after, path, message) => {
        const diff = await compareDefinitions({
          type: 'openapi',
          before: document(responding(before)),
          after: document(responding(after)),
        });
        expect(diff.changes).toContainEqual({
          class: 'breaking',
          action: 'changed',
          path,
          message,
        });
      },
    );

    it('calls a changed type in a $ref’d response schema breaking at the operation and at the schema', async () => {
      const pageOf = (total: object) => ({
        schemas: { Page: object({ total }) },
      });
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(responding(page), pageOf({ type: 'number' })),
        after: document(responding(page), pageOf({ type: 'string' })),
      });
      expect(diff.changes).toEqual([
        {
          class: 'breaking',
          action: 'changed',
          path: `${response}.schema.properties.total.type`,
          message:
            'GET /loans: [Replaced] type definition of `total` in Response 200 content (application/json)',
        },
        {
          class: 'breaking',
          action: 'changed',
          path: 'components.schemas.Page.properties.total.type',
          message: 'schema `Page`: [Changed] properties.total.type',
        },
      ]);
    });

    it('calls removing a response property breaking, required or not; a write-only one is not', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(
          responding(
            object({
              id: { type: 'string' },
              dueDate: { type: 'string' },
              pin: { type: 'string', writeOnly: true },
            }),
          ),
        ),
        after: document(responding(object({ id: { type: 'string' } }))),
      });
      expect(diff.changes).toEqual([
        {
          class: 'breaking',
          action: 'removed',
          path: `${response}.schema.properties.dueDate`,
          message:
            'GET /loans: [Removed] property `dueDate` in Response 200 content (application/json)',
        },
        {
          class: 'non-breaking',
          action: 'removed',
          path: `${response}.schema.properties.pin`,
          message:
            'GET /loans: [Removed] property `pin` in Response 200 content (application/json)',
        },
      ]);
    });

    it.each([
      [
        'a response property that may now be null',
        'breaking',
        responding,
        false,
        true,
      ],
      [
        'a response property that is no longer null',
        'non-breaking',
        responding,
        true,
        false,
      ],
      [
        'a request property that may no longer be null',
        'breaking',
        receiving,
        true,
        false,
      ],
      [
        'a request property that may now be null',
        'non-breaking',
        receiving,
        false,
        true,
      ],
    ])('classifies %s as %s', async (_, expected, place, before, after) => {
      const schema = (nullable: boolean) =>
        object({ note: { type: 'string', ...(nullable ? { nullable } : {}) } });
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(place(schema(before))),
        after: document(place(schema(after))),
      });
      expect(diff.changes).toEqual([
        expect.objectContaining({
          class: expected,
          path: expect.stringMatching(/\.schema\.properties\.note\.nullable$/),
          message: expect.stringMatching(/^(GET|POST) \/loans: /),
        }),
      ]);
    });

    it.each([
      [
        'integer → number',
        'application/json',
        { type: 'integer' },
        { type: 'number' },
        'type',
        'type definition',
      ],
      [
        'number → string in a form',
        'application/x-www-form-urlencoded',
        { type: 'number' },
        { type: 'string' },
        'type',
        'type definition',
      ],
      [
        'format int32 → int64',
        'application/json',
        { type: 'integer', format: 'int32' },
        { type: 'integer', format: 'int64' },
        'format',
        'value format',
      ],
    ])(
      'does not call a request property that takes more values breaking: %s',
      async (_, mediaType, before, after, keyword, what) => {
        const diff = await compareDefinitions({
          type: 'openapi',
          before: document(receiving(object({ days: before }), mediaType)),
          after: document(receiving(object({ days: after }), mediaType)),
        });
        expect(diff.changes).toEqual([
          {
            class: 'non-breaking',
            action: 'changed',
            path: `${request}.${mediaType}.schema.properties.days.${keyword}`,
            message: `POST /loans: [Replaced] ${what} of \`days\` in Request Body content (${mediaType})`,
          },
        ]);
      },
    );

    it('classifies a widened $ref’d schema in each place it is used; the schema takes the strongest', async () => {
      const pageOf = (days: string) => ({
        schemas: { Page: object({ days: { type: days } }) },
      });
      const bothWays = {
        ...receiving(page),
        '/loans/{id}': responding(page)['/loans'],
      };
      const requestsOnly = await compareDefinitions({
        type: 'openapi',
        before: document(receiving(page), pageOf('integer')),
        after: document(receiving(page), pageOf('number')),
      });
      const both = await compareDefinitions({
        type: 'openapi',
        before: document(bothWays, pageOf('integer')),
        after: document(bothWays, pageOf('number')),
      });
      const classes = (changes: { class: string; path: string }[]) =>
        Object.fromEntries(changes.map(change => [change.path, change.class]));
      expect(classes(requestsOnly.changes)).toEqual({
        [`${request}.application/json.schema.properties.days.type`]:
          'non-breaking',
        'components.schemas.Page.properties.days.type': 'non-breaking',
      });
      expect(classes(both.changes)).toEqual({
        [`${request}.application/json.schema.properties.days.type`]:
          'non-breaking',
        'paths./loans/{id}.get.responses.200.content.application/json.schema.properties.days.type':
          'breaking',
        'components.schemas.Page.properties.days.type': 'breaking',
      });
    });

    it('calls removing a request property breaking; a read-only one is not', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(
          receiving(
            object({
              days: { type: 'integer' },
              note: { type: 'string' },
              id: { type: 'string', readOnly: true },
            }),
          ),
        ),
        after: document(receiving(object({ days: { type: 'integer' } }))),
      });
      expect(diff.changes).toEqual([
        {
          class: 'breaking',
          action: 'removed',
          path: `${request}.application/json.schema.properties.note`,
          message:
            'POST /loans: [Removed] property `note` in Request Body content (application/json)',
        },
        {
          class: 'non-breaking',
          action: 'removed',
          path: `${request}.application/json.schema.properties.id`,
          message:
            'POST /loans: [Removed] property `id` in Request Body content (application/json)',
        },
      ]);
    });

    it('calls a parameter breaking that no longer takes its values (string → integer, no null), not one that takes more', async () => {
      const parameters = (...schemas: object[]) => ({
        '/loans': {
          get: {
            parameters: schemas.map((schema, index) => ({
              in: 'query',
              name: `q${index}`,
              schema,
            })),
            responses: { 200: ok },
          },
        },
      });
      const diff = await compareDefinitions({
        type: 'openapi',
        before: document(
          parameters(
            { type: 'string' },
            { type: 'number' },
            { type: 'string', nullable: true },
            { type: 'integer' },
            { type: 'integer', format: 'int32' },
          ),
        ),
        after: document(
          parameters(
            { type: 'integer' },
            { type: 'integer' },
            { type: 'string' },
            { type: 'string' },
            { type: 'integer', format: 'int64' },
          ),
        ),
      });
      expect(
        diff.changes.map(change => [change.class, change.message]),
      ).toEqual([
        ['breaking', 'GET /loans query parameter `q0`: [Changed] schema.type'],
        ['breaking', 'GET /loans query parameter `q1`: [Changed] schema.type'],
        [
          'breaking',
          'GET /loans query parameter `q2`: [Removed] schema.nullable',
        ],
        [
          'non-breaking',
          'GET /loans query parameter `q3`: [Changed] schema.type',
        ],
        [
          'non-breaking',
          'GET /loans query parameter `q4`: [Changed] schema.format',
        ],
      ]);
    });
  });

  /**
   * The kinds of change in oasdiff's breaking-changes example, in a pair
   * of our own (see the fixture and docs/contract-diffs.md). oasdiff
   * reports the first six as breaking (ERR or WARN); we agree, and
   * disagree on three, each for the reason in the docs.
   */
  describe('the kinds of change in oasdiff’s breaking-changes example', () => {
    const oasdiffBreaking = [
      'GET /branches/{branch}/loans: [Removed] query parameter `status`',
      'GET /branches/{branch}/loans: [Removed] header parameter `X-Client`',
      'GET /branches/{branch}/loans: [Removed] cookie parameter `session`',
      'GET /branches/{branch}/loans: [Removed] Response 200',
      'GET /branches/{branch}/loans: [Removed] Response 206',
      'GET /branches/{branch}/members: [Removed] header parameter `X-Trace`',
    ];
    const oursAlone = [
      'GET /branches/{branch}/loans query parameter `isbn`: [Added] schema.not',
      'POST /holds: [Removed] security alternative `memberToken`; clients authenticating with it are refused',
      'POST /holds: [Added] scope `holds:write` required of security scheme `librarianOAuth`; tokens without it are refused',
    ];

    it('finds exactly oasdiff’s breaking changes plus the three we classify otherwise', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: fixture('base.yaml'),
        after: fixture('revision.yaml'),
      });
      expect(diff.problem).toBeUndefined();
      expect(
        breakingOf(diff.changes)
          .map(change => change.message)
          .sort(),
      ).toEqual([...oasdiffBreaking, ...oursAlone].sort());
    });

    it('does not call the changes oasdiff reports as information breaking', async () => {
      const diff = await compareDefinitions({
        type: 'openapi',
        before: fixture('base.yaml'),
        after: fixture('revision.yaml'),
      });
      const classOf = (message: string) =>
        diff.changes.find(change => change.message === message)?.class;
      expect({
        errorResponse: classOf(
          'GET /branches/{branch}/loans: [Removed] Response 400',
        ),
        unusedSchema: classOf('[Removed] schema `LegacyLoan` (unreferenced)'),
        schemaOfRemovedParameter: classOf(
          '[Removed] schema `TraceContext` (unreferenced)',
        ),
        unusedSecurityScheme: classOf(
          '[Removed] security scheme `staffKey` (unreferenced)',
        ),
        documentSecurityDropped: classOf(
          'GET /branches/{branch}/members: [Removed] security requirement; the operation no longer asks for credentials',
        ),
        unusedRequestBodyChanged: classOf(
          'request body `LoanDraft` (unreferenced): [Changed] content.application/json.schema.properties.days.type',
        ),
        newOptionalHeader: classOf(
          'GET /branches/{branch}/members: [Added] header parameter `Accept-Language`',
        ),
      }).toEqual({
        errorResponse: 'non-breaking',
        unusedSchema: 'non-breaking',
        schemaOfRemovedParameter: 'non-breaking',
        unusedSecurityScheme: 'non-breaking',
        documentSecurityDropped: 'non-breaking',
        unusedRequestBodyChanged: 'non-breaking',
        newOptionalHeader: 'non-breaking',
      });
    });
  });
});
