import type { Entity } from '@backstage/catalog-model';
import { analyze } from './analyze';
import {
  api,
  component,
  domain,
  group,
  resource,
  system,
} from './testing/catalogBuilders';

const d = (name: string) => `domain:default/${name}`;

/** A domain `name` with a system and a service `<name>-svc` built from `spec`. */
function domainWithService(
  name: string,
  spec: Record<string, unknown> = {},
  type = 'service',
): Entity[] {
  return [
    domain(name, { owner: 'team' }),
    system(`${name}-system`, { domain: name }),
    component(`${name}-svc`, { system: `${name}-system`, type, ...spec }),
  ];
}

const apiOf = (name: string, type = 'openapi') =>
  api(`${name}-api`, { type, system: `${name}-system` });

describe('failure isolation', () => {
  it('blocks along a chain of synchronous dependencies, transitively', () => {
    // a ← b (b calls a's API) ← c (c depends on b's service)
    const report = analyze([
      group('team'),
      ...domainWithService('a'),
      apiOf('a'),
      ...domainWithService('b', { consumesApis: ['a-api'] }),
      ...domainWithService('c', { dependsOn: ['component:b-svc'] }),
    ]);
    expect(report.isolation).toEqual([
      {
        down: d('a'),
        affected: d('b'),
        impact: 'blocked',
        path: [d('a'), d('b')],
      },
      {
        down: d('a'),
        affected: d('c'),
        impact: 'blocked',
        path: [d('a'), d('b'), d('c')],
      },
      {
        down: d('b'),
        affected: d('c'),
        impact: 'blocked',
        path: [d('b'), d('c')],
      },
    ]);
    expect(report.blastRadius).toEqual([
      { domain: d('a'), blocks: 2, delays: 0 },
      { domain: d('b'), blocks: 1, delays: 0 },
      { domain: d('c'), blocks: 0, delays: 0 },
    ]);
    expect(report.dependencies).toEqual([
      {
        from: d('a'),
        to: d('b'),
        kind: 'sync',
        entities: ['api:default/a-api', 'component:default/b-svc'],
      },
      {
        from: d('b'),
        to: d('c'),
        kind: 'sync',
        entities: ['component:default/b-svc', 'component:default/c-svc'],
      },
    ]);
  });

  it("blocks a domain that uses another domain's database or cache", () => {
    const report = analyze([
      group('team'),
      ...domainWithService('a'),
      resource('a-db', { type: 'database', system: 'a-system' }),
      resource('a-cache', { type: 'cache', system: 'a-system' }),
      ...domainWithService('b', { dependsOn: ['resource:a-db'] }),
      ...domainWithService('c', { dependsOn: ['resource:a-cache'] }),
    ]);
    expect(report.isolation).toEqual([
      {
        down: d('a'),
        affected: d('b'),
        impact: 'blocked',
        path: [d('a'), d('b')],
      },
      {
        down: d('a'),
        affected: d('c'),
        impact: 'blocked',
        path: [d('a'), d('c')],
      },
    ]);
    expect(report.dependencies[0]).toEqual({
      from: d('a'),
      to: d('b'),
      kind: 'sync',
      entities: ['component:default/b-svc', 'resource:default/a-db'],
    });
  });

  it('only delays a domain that consumes events, also further down a chain', () => {
    // a ← b through events; b ← c synchronously: c waits for b, which waits for a's events.
    const report = analyze([
      group('team'),
      ...domainWithService('a'),
      apiOf('a', 'asyncapi'),
      ...domainWithService('b', { consumesApis: ['a-api'] }),
      apiOf('b'),
      ...domainWithService('c', { consumesApis: ['b-api'] }),
    ]);
    expect(report.isolation).toEqual([
      {
        down: d('a'),
        affected: d('b'),
        impact: 'delayed',
        path: [d('a'), d('b')],
      },
      {
        down: d('a'),
        affected: d('c'),
        impact: 'delayed',
        path: [d('a'), d('b'), d('c')],
      },
      {
        down: d('b'),
        affected: d('c'),
        impact: 'blocked',
        path: [d('b'), d('c')],
      },
    ]);
    expect(report.blastRadius[0]).toEqual({
      domain: d('a'),
      blocks: 0,
      delays: 2,
    });
  });

  it('terminates on a dependency cycle and blocks both ways', () => {
    const report = analyze([
      group('team'),
      ...domainWithService('a', { consumesApis: ['b-api'] }),
      apiOf('a'),
      ...domainWithService('b', { consumesApis: ['a-api'] }),
      apiOf('b'),
    ]);
    expect(report.isolation).toEqual([
      {
        down: d('a'),
        affected: d('b'),
        impact: 'blocked',
        path: [d('a'), d('b')],
      },
      {
        down: d('b'),
        affected: d('a'),
        impact: 'blocked',
        path: [d('b'), d('a')],
      },
    ]);
  });

  it('leaves gateways, libraries and unassigned components out of the graph', () => {
    const report = analyze([
      group('team'),
      ...domainWithService('a'),
      apiOf('a'),
      ...domainWithService('edge', { consumesApis: ['a-api'] }, 'gateway'),
      ...domainWithService('lib'),
      component('shared', { type: 'library', system: 'lib-system' }),
      ...domainWithService('b', { dependsOn: ['component:shared'] }),
      component('loose', { consumesApis: ['a-api'] }),
    ]);
    expect(report.dependencies).toEqual([]);
    expect(report.isolation).toEqual([]);
  });
});
