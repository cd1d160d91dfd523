import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Items of a list serialised at once. */
const SLICE_ITEMS = 1000;
/** Characters gathered before a write. */
const CHUNK_CHARS = 64 * 1024;
/** Levels of plain objects written field by field; deeper ones whole. */
const OPEN_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Values `JSON.stringify` leaves out of an object. */
function isOmitted(value: unknown): boolean {
  return (
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol'
  );
}

/**
 * The JSON text of `value` in pieces that, joined, are exactly
 * `JSON.stringify(value)`: plain objects down to `depth` levels field by
 * field, every array at those levels in slices of `sliceItems`, each slice
 * one `JSON.stringify`. So no single call serialises a whole large report.
 */
export function* jsonPieces(
  value: unknown,
  options: { depth?: number; sliceItems?: number } = {},
): Generator<string> {
  const depth = options.depth ?? OPEN_DEPTH;
  const sliceItems = options.sliceItems ?? SLICE_ITEMS;
  if (Array.isArray(value)) {
    yield '[';
    for (let start = 0; start < value.length; start += sliceItems) {
      const slice = JSON.stringify(value.slice(start, start + sliceItems));
      yield `${start > 0 ? ',' : ''}${slice.slice(1, -1)}`;
    }
    yield ']';
    return;
  }
  if (depth <= 0 || !isPlainObject(value)) {
    yield JSON.stringify(value);
    return;
  }
  yield '{';
  let first = true;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (isOmitted(fieldValue)) {
      continue;
    }
    yield `${first ? '' : ','}${JSON.stringify(field)}:`;
    first = false;
    yield* jsonPieces(fieldValue, { depth: depth - 1, sliceItems });
  }
  yield '}';
}

/**
 * Writes `value` as JSON to `out` and ends it, piece by piece (see
 * {@link jsonPieces}): after each write it waits for `drain` when the
 * receiver is behind, and yields to the event loop, so that other requests
 * are served meanwhile. Stops early when `out` closes (the client went
 * away).
 */
export async function streamJson(
  out: Writable,
  value: unknown,
  options: { depth?: number; sliceItems?: number } = {},
): Promise<void> {
  let closed = false;
  let wake: (() => void) | undefined;
  const resume = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  // One listener each for the whole response: Express's compression
  // passes `drain` listeners on to its zlib stream, and removing them
  // again would not reach that.
  out.on('drain', resume);
  out.on('close', () => {
    closed = true;
    resume();
  });
  const drained = () =>
    new Promise<void>(resolve => {
      wake = resolve;
    });

  let pending = '';
  for (const piece of jsonPieces(value, options)) {
    pending += piece;
    if (pending.length < CHUNK_CHARS) {
      continue;
    }
    const flowing = out.write(pending);
    pending = '';
    if (closed) {
      return;
    }
    if (!flowing) {
      await drained();
    }
    // A `drain` may come on the same turn (a stream in memory, say).
    await nextTurn();
    if (closed) {
      return;
    }
  }
  out.end(pending);
}
