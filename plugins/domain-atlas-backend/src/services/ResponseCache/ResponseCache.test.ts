import { ResponseCache } from './ResponseCache';

const body = (text: string) => Buffer.from(text);

describe('ResponseCache', () => {
  const everyone = {};
  const restricted = {};

  it('keys a response by snapshot, audience and route, with a strong ETag of the key', () => {
    const cache = new ResponseCache();
    const key = cache.keyOf(3, everyone, 'domains');
    expect(cache.keyOf(3, everyone, 'domains')).toEqual(key);
    expect(key.etag).toMatch(/^"[A-Za-z0-9_.-]+"$/);

    const others = [
      cache.keyOf(4, everyone, 'domains'),
      cache.keyOf(3, restricted, 'domains'),
      cache.keyOf(3, everyone, 'teams'),
      cache.keyOf(3, everyone, 'findings {"rule":"a\\"b, c"}'),
    ];
    for (const other of others) {
      expect(other.id).not.toBe(key.id);
      expect(other.etag).not.toBe(key.etag);
      expect(other.etag).toMatch(/^"[A-Za-z0-9_.-]+"$/);
    }
    // Another process (a restart, an upgrade) confirms none of them.
    expect(new ResponseCache().keyOf(3, everyone, 'domains').etag).not.toBe(
      key.etag,
    );
  });

  it('answers a body only to its own snapshot, audience and route', () => {
    const cache = new ResponseCache();
    cache.set(cache.keyOf(1, everyone, 'domains'), body('all'));
    cache.set(cache.keyOf(1, restricted, 'domains'), body('some'));

    expect(cache.get(cache.keyOf(1, everyone, 'domains'))?.toString()).toBe(
      'all',
    );
    expect(cache.get(cache.keyOf(1, restricted, 'domains'))?.toString()).toBe(
      'some',
    );
    expect(cache.get(cache.keyOf(1, {}, 'domains'))).toBeUndefined();
    expect(cache.get(cache.keyOf(1, everyone, 'teams'))).toBeUndefined();
  });

  it('drops the bodies of older snapshots once a newer one is cached', () => {
    const cache = new ResponseCache();
    cache.set(cache.keyOf(1, everyone, 'domains'), body('first'));
    cache.set(cache.keyOf(2, everyone, 'teams'), body('second'));

    expect(cache.get(cache.keyOf(1, everyone, 'domains'))).toBeUndefined();
    expect(cache.size).toBe('second'.length + '2|1|teams'.length);

    // A slow request of the replaced snapshot stores nothing.
    cache.set(cache.keyOf(1, everyone, 'domains'), body('late'));
    expect(cache.get(cache.keyOf(1, everyone, 'domains'))).toBeUndefined();
    expect(cache.get(cache.keyOf(2, everyone, 'teams'))?.toString()).toBe(
      'second',
    );
  });

  it('stays within its bytes, dropping the least recently used bodies first', () => {
    const cache = new ResponseCache({ maxBytes: 100 });
    const key = (route: string) => cache.keyOf(1, everyone, route);
    const text = (n: number) => body('x'.repeat(n));
    cache.set(key('a'), text(30));
    cache.set(key('b'), text(30));
    cache.get(key('a'));
    cache.set(key('c'), text(30));

    expect(cache.get(key('b'))).toBeUndefined();
    expect(cache.get(key('a'))).toBeDefined();
    expect(cache.get(key('c'))).toBeDefined();
    expect(cache.size).toBeLessThanOrEqual(100);

    // Replacing a body counts it once.
    cache.set(key('c'), text(40));
    expect(cache.size).toBe(30 + 5 + 40 + 5);

    // A body larger than the bound is not kept, and evicts nothing.
    cache.set(key('huge'), text(200));
    expect(cache.get(key('huge'))).toBeUndefined();
    expect(cache.get(key('a'))).toBeDefined();

    const off = new ResponseCache({ maxBytes: 0 });
    off.set(off.keyOf(1, everyone, 'a'), text(1));
    expect(off.get(off.keyOf(1, everyone, 'a'))).toBeUndefined();
  });
});
