import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { entity, organisation } from './testing/testCatalog';

jest.setTimeout(60_000);

/** While true, the response cache neither answers nor keeps anything. */
let mockCacheOff = false;

jest.mock('./services/ResponseCache/ResponseCache', () => {
  const actual = jest.requireActual('./services/ResponseCache/ResponseCache');
  class SwitchableResponseCache extends actual.ResponseCache {
    get(key: unknown) {
      return mockCacheOff ? undefined : super.get(key);
    }
    set(key: unknown, body: Buffer) {
      if (!mockCacheOff) {
        super.set(key, body);
      }
    }
  }
  return { ...actual, ResponseCache: SwitchableResponseCache };
});

const ALICE = 'user:default/alice';
const GUEST = 'user:default/guest';

/** The vault domain and what is in it: only alice may read them. */
const vault: Entity[] = [
  entity('Domain', 'vault', { owner: 'orders-team' }),
  entity('System', 'vault-system', { owner: 'orders-team', domain: 'vault' }),
  entity('Component', 'vault-service', {
    type: 'service',
    owner: 'orders-team',
    lifecycle: 'production',
    system: 'vault-system',
  }),
];
const vaultRefs = [
  'domain:default/vault',
  'system:default/vault-system',
  'component:default/vault-service',
];

const userOf = (credentials?: BackstageCredentials) =>
  (credentials?.principal as { userEntityRef?: string } | undefined)
    ?.userEntityRef;

/**
 * A catalog whose entities a test can change between refreshes, with a
 * conditional read policy: the guest reads everything but the vault.
 */
function restrictedCatalog() {
  const state = { entities: [...organisation, ...vault] };
  const visibleTo = (credentials?: BackstageCredentials) =>
    userOf(credentials) === GUEST
      ? state.entities.filter(e => !e.metadata.name.startsWith('vault'))
      : state.entities;
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const catalog = catalogServiceMock({ entities: [] });
      catalog.streamEntities = (req, opts) =>
        catalogServiceMock({
          entities: visibleTo(
            (opts as { credentials?: BackstageCredentials } | undefined)
              ?.credentials,
          ),
        }).streamEntities(req, opts);
      return catalog;
    },
  });
  return { factory, state };
}

/**
 * Permissions: `catalog.entity.read` is conditional for the guest (the
 * catalog above applies the condition); Domain Atlas's own permissions
 * are allowed unless the user is in `denied`.
 */
function permissionPolicy() {
  const denied = new Set<string>();
  const factory = createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      async authorize(requests: unknown[], options: any) {
        const user = userOf(options.credentials);
        return requests.map(() => ({
          result:
            user && denied.has(user)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests: unknown[], options: any) {
        return requests.map(() =>
          userOf(options.credentials) === GUEST
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: {
                  rule: 'HAS_LABEL',
                  resourceType: 'catalog-entity',
                  params: { label: 'restricted' },
                },
              }
            : { result: AuthorizeResult.ALLOW },
        );
      },
    }),
  });
  return { factory, denied };
}

/** The GET routes answered through the response cache. */
const CACHED_ROUTES = [
  '/domains',
  '/domains/default/orders',
  '/domains/default/orders?days=30',
  '/teams',
  '/teams/default/orders-team',
  '/rules',
  '/waivers',
  '/isolation',
  '/migration',
  '/migration?days=7',
  '/findings',
  '/findings?severity=error&limit=2',
  '/findings?domain=DOMAIN:default/vault',
  '/contracts',
  '/entities/component/default/orders-service/findings',
];

async function startBackend() {
  const catalog = restrictedCatalog();
  const policy = permissionPolicy();
  const { server } = await startTestBackend({
    features: [domainAtlasPlugin, catalog.factory, policy.factory],
  });
  const get = (path: string, user = ALICE, etag?: string) => {
    const req = request(server)
      .get(`/api/domain-atlas${path}`)
      .set('Authorization', mockCredentials.user.header(user));
    return etag ? req.set('If-None-Match', etag) : req;
  };
  const refresh = () =>
    request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', mockCredentials.service.header())
      .expect(200);
  await refresh();
  return { get, refresh, catalog: catalog.state, denied: policy.denied };
}

describe('the response cache', () => {
  afterEach(() => {
    mockCacheOff = false;
  });

  it('answers the same bytes and headers with and without the cache', async () => {
    const { get } = await startBackend();
    for (const user of [GUEST, ALICE]) {
      for (const path of CACHED_ROUTES) {
        mockCacheOff = true;
        const uncached = await get(path, user).expect(200);
        mockCacheOff = false;
        const first = await get(path, user).expect(200);
        const cached = await get(path, user).expect(200);

        for (const response of [first, cached]) {
          expect({ user, path, body: response.text }).toEqual({
            user,
            path,
            body: uncached.text,
          });
          for (const header of ['content-type', 'etag', 'cache-control']) {
            expect(response.headers[header]).toBe(uncached.headers[header]);
          }
        }
        expect(uncached.headers['content-type']).toBe(
          'application/json; charset=utf-8',
        );
        expect(uncached.headers['cache-control']).toBe('private, no-cache');
        expect(uncached.headers.etag).toMatch(/^"[^"]+"$/);
      }
    }
  });

  it('answers 304 without a body to a matching If-None-Match, until a new snapshot', async () => {
    const { get, refresh, catalog } = await startBackend();
    const domains = await get('/domains').expect(200);
    const detail = await get('/domains/default/orders').expect(200);
    const { etag } = domains.headers;

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const repeat = await get('/domains', ALICE, ifNoneMatch).expect(304);
      expect(repeat.text).toBeFalsy();
      expect(repeat.headers.etag).toBe(etag);
      expect(repeat.headers['cache-control']).toBe('private, no-cache');
    }
    // An ETag is one route's: another route answers in full.
    await get('/teams', ALICE, etag).expect(200);
    await get('/domains?', ALICE, '"other"').expect(200);

    catalog.entities = [
      ...catalog.entities,
      entity('Domain', 'coupons', { owner: 'orders-team' }),
    ];
    await refresh();

    const after = await get('/domains', ALICE, etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.items.map((d: { ref: string }) => d.ref)).toContain(
      'domain:default/coupons',
    );
    const detailAfter = await get(
      '/domains/default/orders',
      ALICE,
      detail.headers.etag,
    ).expect(200);
    expect(detailAfter.body.history).toHaveLength(2);
    await get('/domains', ALICE, after.headers.etag).expect(304);
  });

  it('answers 403 to a caller who lost the permission, whatever ETag they send', async () => {
    const { get, denied } = await startBackend();
    const domains = await get('/domains').expect(200);
    await get('/domains', ALICE, domains.headers.etag).expect(304);

    denied.add(ALICE);
    const refused = await get('/domains', ALICE, domains.headers.etag);
    expect(refused.status).toBe(403);
    expect(refused.headers.etag).not.toBe(domains.headers.etag);
    await get('/domains', ALICE, '*').expect(403);
  });

  it('never serves one caller the body or a 304 made for another who sees less or more', async () => {
    const { get } = await startBackend();
    const mentionsVault = (text: string) =>
      vaultRefs.some(ref => text.includes(ref));

    // Alice, who reads the vault, fills the cache first; then the guest.
    const alice = new Map<string, request.Response>();
    for (const path of CACHED_ROUTES) {
      alice.set(path, await get(path, ALICE).expect(200));
    }
    expect(mentionsVault(alice.get('/domains')!.text)).toBe(true);
    const guest = new Map<string, request.Response>();
    for (const path of CACHED_ROUTES) {
      const response = await get(path, GUEST).expect(200);
      expect({ path, vault: mentionsVault(response.text) }).toEqual({
        path,
        vault: false,
      });
      guest.set(path, response);
    }

    for (const path of ['/domains', '/teams', '/findings', '/isolation']) {
      // Cached now for both, each their own.
      expect((await get(path, GUEST)).text).toBe(guest.get(path)!.text);
      expect((await get(path, ALICE)).text).toBe(alice.get(path)!.text);
      // The other's ETag is not theirs: a full answer, their own.
      const guestWithAlicesTag = await get(
        path,
        GUEST,
        alice.get(path)!.headers.etag,
      ).expect(200);
      expect(guestWithAlicesTag.text).toBe(guest.get(path)!.text);
      const aliceWithGuestsTag = await get(
        path,
        ALICE,
        guest.get(path)!.headers.etag,
      ).expect(200);
      expect(aliceWithGuestsTag.text).toBe(alice.get(path)!.text);
    }
    await get('/domains/default/vault', GUEST).expect(404);
    await get('/domains/default/vault', ALICE).expect(200);
  });

  it('gives an error none of its validators', async () => {
    const { get } = await startBackend();
    for (const path of ['/domains/default/nope', '/findings?limit=5000']) {
      const error = await get(path);
      expect(error.status).toBeGreaterThanOrEqual(400);
      // Express's own weak ETag of the error body, if any; never ours.
      expect(error.headers.etag ?? 'W/').toMatch(/^W\//);
      expect(error.headers['cache-control']).not.toBe('private, no-cache');
    }
  });
});
