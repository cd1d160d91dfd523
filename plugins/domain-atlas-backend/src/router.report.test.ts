import { get as httpGet, IncomingMessage, Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { changingCatalog, entity } from './testing/testCatalog';

jest.setTimeout(60_000);

const user = mockCredentials.user.header();

/** The report's lists, all of which `GET /report` answers. */
const LISTS = [
  'domains',
  'unassigned',
  'findings',
  'dependencies',
  'isolation',
  'blastRadius',
  'teams',
  'repositories',
  'contracts',
  'rules',
  'waivers',
];

/**
 * 40 domains of 50 services each, half of them without a pipeline: lists
 * of thousands of items, so the report is written in many slices.
 */
function largeCatalog(): Entity[] {
  const entities: Entity[] = [];
  for (let d = 0; d < 40; d++) {
    const team = `team-${d}`;
    entities.push(
      entity('Group', team, { type: 'team', children: [] }),
      entity('Domain', `domain-${d}`, { owner: team }),
      entity('System', `system-${d}`, { owner: team, domain: `domain-${d}` }),
    );
    for (let c = 0; c < 50; c++) {
      entities.push(
        entity('Component', `service-${d}-${c}`, {
          type: 'service',
          owner: team,
          lifecycle: 'production',
          system: `system-${d}`,
          dependsOn: [`component:service-${(d + 1) % 40}-${c}`],
        }),
      );
    }
  }
  return entities;
}

/** A GET with `Accept-Encoding: gzip`, its body as received (not inflated). */
function rawGet(
  server: Server,
  path: string,
): Promise<{ response: IncomingMessage; body: Buffer }> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    httpGet(
      {
        host: 'localhost',
        port,
        path,
        headers: { authorization: user, 'accept-encoding': 'gzip' },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () =>
          resolve({ response, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    ).on('error', reject);
  });
}

/** A body, its status's ageSeconds (which moves on with the clock) left out. */
const withoutAge = (body: { status?: object }) => ({
  ...body,
  status: body.status && { ...body.status, ageSeconds: undefined },
});

describe('GET /report', () => {
  let server: Server;

  beforeAll(async () => {
    const catalog = changingCatalog(largeCatalog());
    ({ server } = await startTestBackend({
      features: [domainAtlasPlugin, catalog.factory],
    }));
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user)
      .expect(200);
  });

  const get = (path: string) =>
    request(server).get(`/api/domain-atlas${path}`).set('Authorization', user);

  it('streams { status, report } with every list, as the other routes answer them', async () => {
    const response = await get('/report').expect(200);
    expect(response.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    // Written in pieces, without a length.
    expect(response.headers['content-length']).toBeUndefined();
    const { status, report } = JSON.parse(response.text);
    // Compact JSON, as res.json wrote it.
    expect(response.text).toBe(JSON.stringify({ status, report }));

    expect(status).toMatchObject({ stale: false, entityCount: 2120 });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['schemaVersion', 'generatedFrom', ...LISTS]),
    );
    expect(report.findings.length).toBeGreaterThan(2000);
    expect(report.domains).toHaveLength(40);

    const domains = (await get('/domains')).body.items;
    expect(report.domains.map((d: { ref: string }) => d.ref)).toEqual(
      domains.map((d: { ref: string }) => d.ref),
    );
    expect(report.rules).toEqual((await get('/rules')).body.items);
    expect(report.waivers).toEqual((await get('/waivers')).body.items);
    const findings = await get('/findings?limit=500&offset=1000');
    expect(report.findings.slice(1000, 1500)).toEqual(findings.body.items);
    expect(report.findings).toHaveLength(findings.body.totalCount);
  });

  it('answers only the lists named in sections', async () => {
    const whole = JSON.parse((await get('/report')).text).report;
    const response = await get('/report?sections=domains,teams').expect(200);
    const { status, report } = response.body;
    expect(status.snapshotId).toEqual(expect.any(Number));
    expect(Object.keys(report).sort()).toEqual(
      ['domains', 'generatedFrom', 'schemaVersion', 'teams'].sort(),
    );
    expect(report.domains).toEqual(whole.domains);
    expect(report.teams).toEqual(whole.teams);

    const one = await get('/report?sections=%20findings%20').expect(200);
    expect(one.body.report.findings).toEqual(whole.findings);
    expect(one.body.report.domains).toBeUndefined();
  });

  it('rejects unknown sections and parameters with 400', async () => {
    for (const path of [
      '/report?sections=domains,secrets',
      '/report?sections=',
      '/report?page=2',
    ]) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.error.name).toBe('InputError');
    }
  });
});

describe('responses through the root HTTP router of a real backend', () => {
  it('are gzip-compressed for a client that accepts it', async () => {
    // startTestBackend's own root router has no compression; Backstage's
    // real one (backend-defaults) applies compression() to every route.
    let rootServer: Server | undefined;
    const catalog = changingCatalog(largeCatalog());
    const started = startTestBackend({
      features: [
        domainAtlasPlugin,
        catalog.factory,
        rootHttpRouterServiceFactory({
          configure(context) {
            rootServer = context.server;
            context.applyDefaults();
          },
        }),
        mockServices.discovery.factory(),
        mockServices.rootConfig.factory({
          data: { backend: { listen: { port: 0 } } },
        }),
      ],
    });
    // The backend has started (and is stopped after the tests); only the
    // test router's server, which it then looks up, is missing.
    await started.catch(error => {
      if (!/server is not available/.test(String(error))) {
        throw error;
      }
    });
    const server = rootServer!;
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user)
      .expect(200);

    for (const path of ['/report', '/findings?limit=500', '/domains']) {
      const { response, body } = await rawGet(
        server,
        `/api/domain-atlas${path}`,
      );
      expect({ path, status: response.statusCode }).toEqual({
        path,
        status: 200,
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      const json = gunzipSync(body).toString('utf8');
      expect(body.length).toBeLessThan(json.length / 3);
      const plain = await request(server)
        .get(`/api/domain-atlas${path}`)
        .set('Authorization', user)
        .set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(withoutAge(JSON.parse(json))).toEqual(withoutAge(plain.body));
      expect(response.headers.etag).toBe(plain.headers.etag);
    }
  });
});
