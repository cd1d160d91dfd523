/**
 * Fast scanners that read `info.version` from the top of an OpenAPI or
 * AsyncAPI document without parsing all of it. They answer only when they
 * are sure; `undefined` means "parse the document in full to find out".
 */

const YAML_INFO = /^info:[ \t]*(?:#.*)?$/m;
const YAML_VERSION = /^[ ]+version:[ \t]*(.*?)[ \t]*$/;

function unquoteYaml(raw: string): string | undefined {
  const value = raw.replace(/[ \t]+#.*$/, '');
  if (value === '') {
    return undefined;
  }
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    if (value.length < 2 || value[value.length - 1] !== quote) {
      return undefined;
    }
    const inner = value.slice(1, -1);
    if (quote === '"' && inner.includes('\\')) {
      return undefined;
    }
    return quote === "'" ? inner.replace(/''/g, "'") : inner;
  }
  // Anything that is not a plain scalar is left to the full parser.
  return /^[\w.+-][\w.+-]*$/.test(value) ? value : undefined;
}

/** `info.version` of a block-style YAML document. */
export function scanYamlInfoVersion(text: string): string | undefined {
  const info = YAML_INFO.exec(text);
  if (!info) {
    return undefined;
  }
  let position = info.index + info[0].length + 1;
  let childIndent = -1;
  while (position < text.length) {
    let end = text.indexOf('\n', position);
    if (end === -1) {
      end = text.length;
    }
    const line = text.slice(position, end).replace(/\r$/, '');
    position = end + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    const indent = line.length - trimmed.length;
    if (indent === 0 || line[indent - 1] === '\t') {
      return undefined;
    }
    if (childIndent === -1) {
      childIndent = indent;
    }
    if (indent === childIndent) {
      const version = YAML_VERSION.exec(line);
      if (version) {
        return unquoteYaml(version[1]);
      }
    }
  }
  return undefined;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.has(text[i])) {
    i++;
  }
  return i;
}

/** End index (exclusive) of the JSON string starting at `from` (a quote). */
function stringEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') {
      i += 2;
    } else if (char === '"') {
      return i + 1;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * Walks the members of the object whose `{` is at `from`, calling `visit`
 * with each key and the index of its value; stops when `visit` returns a
 * result. Returns undefined on anything unexpected.
 */
function scanObject(
  text: string,
  from: number,
  visit: (key: string, valueStart: number) => string | undefined | null,
): string | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = stringEnd(text, i);
      if (end < 0) {
        return undefined;
      }
      if (depth === 1 && expectKey) {
        const colon = skipSpace(text, end);
        if (text[colon] !== ':') {
          return undefined;
        }
        const valueStart = skipSpace(text, colon + 1);
        const result = visit(JSON.parse(text.slice(i, end)), valueStart);
        if (result !== null) {
          return result;
        }
        expectKey = false;
        i = valueStart - 1;
      } else {
        i = end - 1;
      }
    } else if (char === '{' || char === '[') {
      depth++;
      expectKey = depth === 1;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) {
        return undefined;
      }
    } else if (char === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return undefined;
}

/** `info.version` of a JSON document. */
export function scanJsonInfoVersion(text: string): string | undefined {
  const start = skipSpace(text, 0);
  if (text[start] !== '{') {
    return undefined;
  }
  try {
    return scanObject(text, start, (key, valueStart) => {
      if (key !== 'info') {
        return null;
      }
      if (text[valueStart] !== '{') {
        return undefined;
      }
      return scanObject(text, valueStart, (innerKey, innerStart) => {
        if (innerKey !== 'version') {
          return null;
        }
        if (text[innerStart] === '"') {
          const end = stringEnd(text, innerStart);
          return end < 0
            ? undefined
            : String(JSON.parse(text.slice(innerStart, end)));
        }
        const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
          text.slice(innerStart, innerStart + 32),
        );
        return number ? String(Number(number[0])) : undefined;
      });
    });
  } catch {
    return undefined;
  }
}
