import { createHash, randomBytes } from 'node:crypto';

/** The default bound of the cached bodies: a few tens of MB. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** One response's place in the cache, and its validator. */
export interface CachedResponseKey {
  snapshotId: number;
  /** The cache key: snapshot, audience and route. */
  id: string;
  /** A strong `ETag`, quoted, derived from the key (not from the body). */
  etag: string;
}

/**
 * The serialised JSON bodies of the served snapshot's responses, so that a
 * page's repeat requests cost a lookup instead of a query and a
 * `JSON.stringify` each.
 *
 * A body is kept per snapshot, per audience and per route: the audience is
 * the report object the caller was served, i.e. the stored report itself
 * for callers who may read everything, or the redacted copy made for one
 * caller. Two callers share a body only when they were served the very
 * same report object, so a caller never gets a body made for another's
 * visibility; a new visibility decision makes a new copy, hence new keys.
 *
 * Entries of an older snapshot are dropped as soon as a newer one is
 * cached, and the bodies are bounded in bytes, least recently used going
 * first.
 */
export class ResponseCache {
  private readonly maxBytes: number;
  /**
   * Part of every `ETag`: audience numbers are only unique within this
   * cache, and a restarted (perhaps upgraded) backend must not confirm
   * bodies it did not make.
   */
  private readonly generation = randomBytes(6).toString('base64url');
  private readonly audiences = new WeakMap<object, number>();
  private nextAudience = 1;
  private snapshotId: number | undefined;
  /** Insertion order is use order: the least recently used comes first. */
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(options: { maxBytes?: number } = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /**
   * The key of a response of snapshot `snapshotId`, served to the callers
   * of `audience` (the report object they see), for `route`: the route
   * and its normalised query, plus anything else the body depends on.
   */
  keyOf(
    snapshotId: number,
    audience: object,
    route: string,
  ): CachedResponseKey {
    let audienceId = this.audiences.get(audience);
    if (audienceId === undefined) {
      audienceId = this.nextAudience++;
      this.audiences.set(audience, audienceId);
    }
    // The route may hold any text of the query: the ETag takes a digest.
    const digest = createHash('sha256')
      .update(route)
      .digest('base64url')
      .slice(0, 22);
    return {
      snapshotId,
      id: `${snapshotId}|${audienceId}|${route}`,
      etag: `"${this.generation}.${snapshotId}.${audienceId}.${digest}"`,
    };
  }

  get(key: CachedResponseKey): Buffer | undefined {
    if (key.snapshotId !== this.snapshotId) {
      return undefined;
    }
    const body = this.entries.get(key.id);
    if (body !== undefined) {
      this.entries.delete(key.id);
      this.entries.set(key.id, body);
    }
    return body;
  }

  set(key: CachedResponseKey, body: Buffer): void {
    if (this.snapshotId === undefined || key.snapshotId > this.snapshotId) {
      this.entries.clear();
      this.bytes = 0;
      this.snapshotId = key.snapshotId;
    } else if (key.snapshotId < this.snapshotId) {
      // A slow request of a snapshot already replaced.
      return;
    }
    const size = body.length + key.id.length;
    if (size > this.maxBytes) {
      return;
    }
    const old = this.entries.get(key.id);
    if (old !== undefined) {
      this.entries.delete(key.id);
      this.bytes -= old.length + key.id.length;
    }
    for (const [id, entry] of this.entries) {
      if (this.bytes + size <= this.maxBytes) {
        break;
      }
      this.entries.delete(id);
      this.bytes -= entry.length + id.length;
    }
    this.entries.set(key.id, body);
    this.bytes += size;
  }

  /** Bytes held, bodies and keys. */
  get size(): number {
    return this.bytes;
  }
}
