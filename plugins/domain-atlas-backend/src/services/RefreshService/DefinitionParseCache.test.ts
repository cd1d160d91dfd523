import {
  analyze,
  DEFAULT_MAX_DEFINITION_SIZE,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DefinitionParseCache } from './DefinitionParseCache';

describe('DefinitionParseCache', () => {
  it('keeps what one refresh parsed for the next', () => {
    const cache = new DefinitionParseCache();
    cache.set('a', { version: '1.0.0' });
    cache.endRefresh();
    expect(cache.get('a')).toEqual({ version: '1.0.0' });
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets what a refresh did not ask for', () => {
    const cache = new DefinitionParseCache();
    cache.set('kept', { version: '1.0.0' });
    cache.set('removed', { problem: 'does not parse: x' });
    cache.endRefresh();
    // The next refresh sees only `kept` (the other definition changed or
    // its API went away).
    expect(cache.get('kept')).toEqual({ version: '1.0.0' });
    cache.endRefresh();
    expect(cache.get('kept')).toEqual({ version: '1.0.0' });
    expect(cache.get('removed')).toBeUndefined();
    cache.endRefresh();
    cache.endRefresh();
    expect(cache.get('kept')).toBeUndefined();
  });
});

describe('DefinitionParseCache.parseNew', () => {
  const apiEntity = (name: string, definition: string, type = 'openapi') => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name },
    spec: { type: ` ${type.toUpperCase()} `, definition },
  });
  const valid = 'openapi: 3.0.0\ninfo:\n  version: 1.2.0\npaths: {}\n';
  const broken = 'openapi: 3.0.0\ninfo:\n  version: 1.0.0\npaths: [unclosed\n';

  it('parses the definitions of API entities, as the analysis would', async () => {
    const cache = new DefinitionParseCache();
    await cache.parseNew(
      [
        apiEntity('a', valid),
        apiEntity('b', broken),
        apiEntity('c', 'syntax = "proto3";\npackage x.v2;\n', 'grpc'),
        {
          apiVersion: 'v1',
          kind: 'Component',
          metadata: { name: 'd' },
          spec: { definition: valid.replace('1.2.0', '9.0.0') },
        },
        { kind: 42, metadata: { name: 'e' } } as any,
        null as any,
      ],
      1024,
    );
    expect(cache.get(valid)).toEqual({ version: '1.2.0' });
    expect(cache.get(broken)).toEqual({
      problem: expect.stringMatching(/^does not parse: /),
    });
    // Protobuf versions are read without parsing; other kinds are not APIs.
    expect(cache.get('syntax = "proto3";\npackage x.v2;\n')).toBeUndefined();
    expect(cache.get(valid.replace('1.2.0', '9.0.0'))).toBeUndefined();
  });

  it('leaves the analysis nothing to parse', async () => {
    const entities = [
      apiEntity('a', valid),
      apiEntity('b', broken),
      apiEntity('c', valid.replace('1.2.0', '3.0.0'), 'asyncapi'),
    ];
    const cache = new DefinitionParseCache();
    await cache.parseNew(entities, DEFAULT_MAX_DEFINITION_SIZE);
    const parsed: string[] = [];
    const report = analyze(entities, {
      strictDefinitions: true,
      definitionCache: {
        get: definition => cache.get(definition),
        set: definition => {
          parsed.push(definition);
        },
      },
    });
    expect(parsed).toEqual([]);
    expect(report.contracts.map(c => c.version)).toEqual([
      '1.2.0',
      null,
      '3.0.0',
    ]);
  });

  it('gives the event loop back while it parses', async () => {
    const cache = new DefinitionParseCache({ sliceMs: 0 });
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    const parsing = cache
      .parseNew([apiEntity('a', valid), apiEntity('b', broken)], 1024)
      .then(() => order.push('parsed'));
    await parsing;
    expect(order).toEqual(['other work', 'parsed']);
  });
});
