/**
 * A report as stored: a list of JSON texts, each a part of the report
 * object, none larger than about {@link PART_SIZE} characters. The first
 * part has every top-level field, lists empty; each further part appends
 * items to one list. A report stored before parts existed is one part with
 * everything, and reads the same way.
 *
 * Why: a report at 100,000 entities is tens of MB of JSON. One
 * `JSON.stringify` or `JSON.parse` of it holds the backend's event loop
 * for half a second or more. Parts are written in the refresh's worker
 * thread and parsed one by one, giving the event loop back in between.
 */

/** The size a part aims at, in characters: a parse of some milliseconds. */
export const PART_SIZE = 256 * 1024;

/** How long reading works before it gives the event loop back. */
const READ_SLICE_MS = 10;

/** Splits a report into parts (synchronous: it runs in a worker thread). */
export function reportParts(
  report: object,
  partSize: number = PART_SIZE,
): string[] {
  const head: Record<string, unknown> = {};
  const lists: Array<[string, unknown[]]> = [];
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value)) {
      head[key] = [];
      lists.push([key, value]);
    } else {
      head[key] = value;
    }
  }
  const parts = [JSON.stringify(head)];
  for (const [key, items] of lists) {
    const prefix = `{${JSON.stringify(key)}:[`;
    let texts: string[] = [];
    let size = 0;
    const flush = () => {
      if (texts.length > 0) {
        parts.push(`${prefix}${texts.join(',')}]}`);
        texts = [];
        size = 0;
      }
    };
    for (const item of items) {
      // undefined in an array is null in JSON, as JSON.stringify says.
      const text = JSON.stringify(item) ?? 'null';
      if (size + text.length > partSize) {
        flush();
      }
      texts.push(text);
      size += text.length + 1;
    }
    flush();
  }
  return parts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a report's parts back into one object, parsing them one at a
 * time and yielding to the event loop every few milliseconds. Says what
 * is wrong (`not valid JSON`, `part 3 is not valid JSON`) when a part does
 * not read.
 */
export async function readReportParts(
  parts: ReadonlyArray<string>,
): Promise<{ value: unknown } | { problem: string }> {
  const head = parsePart(parts, 0);
  if ('problem' in head || !isObject(head.value)) {
    return head;
  }
  const problem = await appendReportParts(head.value, parts, 1);
  return problem ? { problem } : head;
}

/**
 * Appends the lists of `parts` from `from` on to `report`, yielding to the
 * event loop every few milliseconds. Returns what is wrong, if anything.
 */
export async function appendReportParts(
  report: Record<string, unknown>,
  parts: ReadonlyArray<string>,
  from: number,
): Promise<string | undefined> {
  let sliceStart = Date.now();
  for (let index = from; index < parts.length; index++) {
    const part = parsePart(parts, index);
    if ('problem' in part) {
      return part.problem;
    }
    if (!isObject(part.value)) {
      return `part ${index} is not an object`;
    }
    for (const [key, items] of Object.entries(part.value)) {
      const list = report[key];
      if (!Array.isArray(items) || !Array.isArray(list)) {
        return `part ${index} adds to ${key}, which is no list`;
      }
      // A loop, not push(...items): a spread of many items overflows the
      // call stack.
      for (const item of items) {
        list.push(item);
      }
    }
    if (Date.now() - sliceStart >= READ_SLICE_MS) {
      await new Promise(resolve => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  return undefined;
}

function parsePart(
  parts: ReadonlyArray<string>,
  index: number,
): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(parts[index]) };
  } catch {
    return {
      problem:
        parts.length > 1 ? `part ${index} is not valid JSON` : 'not valid JSON',
    };
  }
}
