import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/** JSON.stringify with two-space indents, nested at `indent`. */
function stringifyAt(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  // JSON text has no raw line breaks inside strings: every \n is layout.
  return text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Whether JSON.stringify leaves an object's property out. */
function omitted(value: unknown): boolean {
  return (
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol'
  );
}

/**
 * The full report as `analyze` returns it (the same shape the backend
 * serves, contracts included), indented, in pieces: the report's own keys
 * and each element of its lists one by one, so that a report with
 * hundreds of thousands of findings is written as it is serialised. The
 * pieces join to exactly `JSON.stringify(report, null, 2)`. `check
 * --baseline` reads it back.
 *
 * @public
 */
export function* jsonChunks(report: DomainAtlasReport): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => !omitted(value));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i];
    yield `${i > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (let j = 0; j < value.length; j++) {
        const element = omitted(value[j]) ? null : value[j];
        yield `${j > 0 ? ',' : ''}\n    ${stringifyAt(element, '    ')}`;
      }
      yield '\n  ]';
    } else {
      yield stringifyAt(value, '  ');
    }
  }
  yield '\n}\n';
}

/**
 * The json format as one string (see {@link jsonChunks}).
 *
 * @public
 */
export function formatJson(report: DomainAtlasReport): string {
  let text = '';
  for (const chunk of jsonChunks(report)) {
    text += chunk;
  }
  return text;
}
