import { PassThrough, Writable } from 'node:stream';
import { jsonPieces, streamJson } from './streamJson';

/** A value with what JSON.stringify treats specially, at every level. */
const awkward = {
  schemaVersion: 1,
  skipped: undefined,
  fn: () => 1,
  when: new Date('2026-12-01T00:00:00Z'),
  custom: { toJSON: () => 'custom' },
  bare: Object.assign(Object.create(null), { a: 1, b: [1, 2, 3] }),
  text: 'quotes " and \\ and \u2028 and ünïcödé',
  empty: [],
  emptyObject: {},
  holes: [1, undefined, () => 2, null, NaN, Infinity],
  nested: {
    lists: { a: [1, 2, 3, 4, 5], b: [] as number[] },
    deep: { deeper: { deepest: { value: [{ x: 1 }, { y: undefined }] } } },
  },
  rows: Array.from({ length: 23 }, (_, i) => ({
    i,
    name: `row-${i}`,
    tags: i % 3 === 0 ? undefined : ['a', 'b'],
  })),
};

/** A small random JSON-like value. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 4 : 7));
  switch (pick) {
    case 0:
      return Math.floor(random() * 1000) - 500;
    case 1:
      return `s${Math.floor(random() * 100)}`;
    case 2:
      return random() < 0.5 ? null : random() < 0.5;
    case 3:
      return undefined;
    case 4:
    case 5:
      return Array.from({ length: Math.floor(random() * 12) }, () =>
        randomValue(random, depth + 1),
      );
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 6) }, (_, i) => [
          `k${i}`,
          randomValue(random, depth + 1),
        ]),
      );
  }
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** A receiver that takes a chunk at a time, each after a timer. */
function slowSink(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, callback) {
      chunks.push(chunk);
      setTimeout(callback, 1);
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('jsonPieces', () => {
  it.each([1, 2, 5, 1000])(
    'joins to exactly JSON.stringify in slices of %p',
    sliceItems => {
      for (const depth of [0, 1, 3, 10]) {
        expect([...jsonPieces(awkward, { depth, sliceItems })].join('')).toBe(
          JSON.stringify(awkward),
        );
      }
      expect([...jsonPieces([], { sliceItems })].join('')).toBe('[]');
      expect([...jsonPieces('text', { sliceItems })].join('')).toBe('"text"');
    },
  );

  it('joins to exactly JSON.stringify for random values', () => {
    const random = seeded(16);
    for (let run = 0; run < 300; run++) {
      const value = { value: randomValue(random, 0) };
      const sliceItems = 1 + Math.floor(random() * 4);
      expect([...jsonPieces(value, { sliceItems })].join('')).toBe(
        JSON.stringify(value),
      );
    }
  });

  it('serialises a long list a slice at a time', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    const pieces = [...jsonPieces({ status: {}, report: { list } })];
    const longest = Math.max(...pieces.map(piece => piece.length));
    expect(longest).toBeLessThan(JSON.stringify(list).length / 5);
  });
});

describe('streamJson', () => {
  it('writes the JSON of a large value to a slow receiver, waiting for it', async () => {
    const value = {
      status: { ok: true },
      report: {
        items: Array.from({ length: 20_000 }, (_, i) => ({ i, s: `x${i}` })),
      },
    };
    const { sink, text } = slowSink();
    const finished = new Promise(resolve => sink.on('finish', resolve));
    await streamJson(sink, value);
    await finished;
    expect(text()).toBe(JSON.stringify(value));
  });

  it('lets other work run between slices', async () => {
    const value = {
      items: Array.from({ length: 50_000 }, (_, i) => ({ i, s: `x${i}` })),
    };
    const out = new PassThrough();
    out.resume();
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await streamJson(out, value);
    done = true;
    // One turn at least per write of a slice.
    expect(turns).toBeGreaterThan(10);
  });

  it('stops when the receiver goes away', async () => {
    const value = {
      items: Array.from({ length: 50_000 }, (_, i) => ({ i, s: `x${i}` })),
    };
    const { sink } = slowSink();
    const writing = streamJson(sink, value);
    setTimeout(() => sink.destroy(), 5);
    await expect(writing).resolves.toBeUndefined();
    expect(sink.writableFinished).toBe(false);
  });
});
