import { MAX_NESTING_DEPTH, nestingProblem } from './definitionNesting';

/** The depth the scan gives: the lowest bound it does not exceed. */
function depthOf(definition: unknown, type: string): number {
  let bound = 0;
  while (nestingProblem(definition, type, bound)) {
    bound++;
  }
  return bound;
}

const DEEP = 100_000;

describe('nestingProblem', () => {
  it.each([
    [
      'block YAML',
      'openapi',
      `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
paths:
  /orders:
    get:
      parameters:
        - name: limit
          in: query
      responses:
        '200':
          description: OK
`,
      6,
    ],
    [
      'braces in a block scalar, quoted scalars and comments',
      'openapi',
      `openapi: 3.0.3
info:
  title: "Orders {v2} ["
  description: |
    Send {"a": [[[{ "b": 1 }]]]} to
      [ open brackets ]]]
  version: '1.0 [beta'   # a comment { [
paths: {}
`,
      2,
    ],
    [
      'flow collections in block YAML',
      'asyncapi',
      'asyncapi: 2.6.0\ninfo: { title: x, version: 1.0.0, tags: [[a], {b: [c]}] }\n',
      5,
    ],
    // Generous by one: the scalar after the last `- ` counts as a level.
    ['compact nested sequences', 'openapi', 'x:\n  - - - a\n    - b\n', 5],
    [
      'JSON on one line',
      'openapi',
      '{"openapi":"3.0.3","info":{"title":"} ] {","version":"1"},"paths":{}}',
      3,
    ],
    [
      'GraphQL with strings, block strings and comments',
      'graphql',
      `"""
A {{{ block string \\""" [[[
"""
type Query {
  # a comment {{{
  orders(filter: In = { status: "open {" }): [Order!]!
}
`,
      3,
    ],
    [
      'protobuf with nested messages, options and comments',
      'grpc',
      `syntax = "proto3";
package acme.orders.v1;
/* { { { */
message Order {
  // {{{{
  message Line { string sku = 1 [(rules) = { min_len: 1 }]; }
  map<string, Line> lines = 1;
  string note = 2 [default = "{ ["];
}
`,
      4,
    ],
  ])('measures %s as deep as it nests', (_, type, definition, depth) => {
    expect(depthOf(definition, type)).toBe(depth);
  });

  it.each([
    ['JSON objects', 'openapi', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`],
    ['JSON arrays', 'asyncapi', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
    ['YAML compact sequences', 'openapi', `x:\n${'- '.repeat(DEEP)}a`],
    ['YAML explicit keys', 'openapi', `x: ${'? '.repeat(DEEP)}a`],
    [
      'YAML flow after a document marker',
      'asyncapi',
      `--- ${'['.repeat(DEEP)}`,
    ],
    [
      'YAML indentation',
      'asyncapi',
      Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    ],
    ['GraphQL brackets', 'graphql', `type Q { f: ${'['.repeat(DEEP)}Int }`],
    [
      'protobuf messages',
      'grpc',
      `syntax = "proto3";\n${'message M {'.repeat(DEEP / 10)}`,
    ],
    ['JSON objects sent as GraphQL', 'graphql', `${'{"a":'.repeat(DEEP)}1`],
    ['JSON arrays sent as protobuf', 'grpc', `${'['.repeat(DEEP)}`],
  ])('rejects %s nested far too deeply', (_, type, definition) => {
    expect(nestingProblem(definition, type)).toBe(
      `The candidate definition nests more than ${MAX_NESTING_DEPTH} levels deep; Domain Atlas compares definitions nested up to ${MAX_NESTING_DEPTH} levels`,
    );
  });

  it('walks a parsed JSON definition without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < DEEP; i++) {
      deep = { a: deep };
    }
    expect(nestingProblem(deep, 'openapi')).toMatch(/more than 256 levels/);
    expect(nestingProblem({ a: [{ b: 1 }], c: {} }, 'grpc')).toBeUndefined();
    expect(depthOf({ a: [{ b: 1 }], c: {} }, 'openapi')).toBe(3);
  });

  it('leaves definitions of types nothing parses alone', () => {
    expect(nestingProblem('['.repeat(DEEP), 'trpc')).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    const alphabet = ' \n\t-?:#|>&!\'"[]{}()<>,/*\\ab';
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 300) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      for (const type of ['openapi', 'graphql', 'grpc']) {
        expect(() => nestingProblem(text, type)).not.toThrow();
      }
    }
  });
});
