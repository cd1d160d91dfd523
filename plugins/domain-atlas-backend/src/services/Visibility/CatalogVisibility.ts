import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * Which catalog entities a caller may read: all of them (an unconditional
 * ALLOW, the common case, which costs no filtering), or only those in
 * `refs` (lowercase `kind:namespace/name`).
 */
export type Visibility =
  | { readonly all: true }
  | { readonly all: false; readonly refs: ReadonlySet<string> };

const EVERYTHING: Visibility = { all: true };
const NOTHING: Visibility = { all: false, refs: new Set() };

/** A caller, as far as permission decisions go. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}

/**
 * Decides what each caller may see under the catalog's
 * `catalog.entity.read` permission, the way the catalog decides it. A
 * conditional decision (`isEntityOwner`, `hasLabel`, …) is not evaluated
 * here: the catalog is asked, with the caller's own credentials, which
 * entities it returns to them, so the catalog's permission rules apply
 * exactly as they do on the catalog's own pages.
 *
 * Decisions are cached per caller for `ttlMs`, so a page's burst of
 * requests costs one decision.
 */
export class CatalogVisibility {
  private readonly permissions: PermissionsService;
  private readonly catalog: CatalogService;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly cache = new Map<
    string,
    { expires: number; visibility: Promise<Visibility> }
  >();

  constructor(options: {
    permissions: PermissionsService;
    catalog: CatalogService;
    ttlMs?: number;
    maxEntries?: number;
  }) {
    this.permissions = options.permissions;
    this.catalog = options.catalog;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 1000;
  }

  of(credentials: BackstageCredentials, now = Date.now()): Promise<Visibility> {
    const key = principalKey(credentials);
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) {
      return cached.visibility;
    }
    const visibility = this.decide(credentials);
    this.cache.delete(key);
    if (this.cache.size >= this.maxEntries) {
      // Maps iterate in insertion order: the oldest entry goes first.
      this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, { expires: now + this.ttlMs, visibility });
    // A failed decision is not remembered: the next request asks again.
    visibility.catch(() => this.cache.delete(key));
    return visibility;
  }

  private async decide(credentials: BackstageCredentials): Promise<Visibility> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return EVERYTHING;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return NOTHING;
    }
    const refs = new Set<string>();
    for await (const page of this.catalog.streamEntities(
      {
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        pageSize: 1000,
      },
      { credentials },
    )) {
      for (const entity of page) {
        refs.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      }
    }
    return { all: false, refs };
  }
}
