import { Request, Response } from 'express';
import { ResponseCache } from './ResponseCache';

/**
 * Browsers may keep a body but must ask before using it again; `private`
 * keeps shared caches from serving one caller's body to another.
 */
const CACHE_CONTROL = 'private, no-cache';

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) {
    return false;
  }
  if (ifNoneMatch.trim() === '*') {
    return true;
  }
  return ifNoneMatch
    .split(',')
    .some(tag => tag.trim().replace(/^W\//, '') === etag);
}

/** `JSON.stringify` under the app's JSON settings, as `res.json` writes it. */
function serialise(res: Response, value: unknown): string {
  const text = JSON.stringify(
    value,
    res.app.get('json replacer'),
    res.app.get('json spaces'),
  );
  return res.app.get('json escape')
    ? text.replace(
        /[<>&]/g,
        c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
    : text;
}

/**
 * Answers a GET with the JSON of `produce()`, through the response cache:
 * `304 Not Modified` without a body when the caller's `If-None-Match`
 * names the response's `ETag`, else the cached body, else `produce()`'s,
 * serialised once and cached.
 *
 * Call it only after the caller's permissions were checked and with the
 * report they may see: the cache answers for that report (`audience`) and
 * nothing else.
 */
export async function sendCachedJson(
  req: Request,
  res: Response,
  options: {
    cache: ResponseCache;
    snapshotId: number;
    /** The report object the caller was served. */
    audience: object;
    /** The route and normalised query; see {@link ResponseCache.keyOf}. */
    route: string;
    produce: () => unknown;
  },
): Promise<void> {
  const { cache } = options;
  const key = cache.keyOf(options.snapshotId, options.audience, options.route);
  // Set here, Express does not compute a (weak) ETag of its own by hashing
  // the body in `res.send`. The ETag names the JSON, whichever content
  // coding Backstage's compression() then gives it, as Express's own do;
  // If-None-Match compares weakly anyway.
  const headers = { ETag: key.etag, 'Cache-Control': CACHE_CONTROL };
  if (matches(req.get('If-None-Match'), key.etag)) {
    res.status(304).set(headers).end();
    return;
  }
  let body = cache.get(key);
  if (body === undefined) {
    body = Buffer.from(serialise(res, await options.produce()));
    cache.set(key, body);
  }
  res
    .status(200)
    .set({ ...headers, 'Content-Type': 'application/json; charset=utf-8' })
    .send(body);
}
