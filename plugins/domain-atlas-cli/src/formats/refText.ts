import { truncateMessage } from './truncate';

/**
 * A ref as people write it: `component:default/orders` → `component:orders`,
 * and without the kind when it is `defaultKind`.
 *
 * @public
 */
export function shortRef(ref: string, defaultKind?: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  const [, kind, namespace, name] = match;
  const withNamespace = namespace === 'default' ? name : `${namespace}/${name}`;
  return kind === defaultKind ? withNamespace : `${kind}:${withNamespace}`;
}

const DEFAULT_NAMESPACE = ':default/';

function isLowercase(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** `[a-z0-9-]`: what a kind is written with. */
function isKindChar(code: number): boolean {
  return isLowercase(code) || (code >= 48 && code <= 57) || code === 45;
}

/** `\w`, for word boundaries. */
function isWordChar(code: number): boolean {
  return (
    isLowercase(code) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

/**
 * Text with every `kind:default/name` ref shortened to `kind:name`.
 *
 * @public
 */
export function shortenRefs(text: string): string {
  // What `text.replace(/\b([a-z][a-z0-9-]*):default\//g, '$1:')` does, as
  // a scan: the regular expression was the slowest step of a large table.
  let at = text.indexOf(DEFAULT_NAMESPACE);
  if (at < 0) {
    return text;
  }
  let result = '';
  let copied = 0;
  while (at >= 0) {
    let start = at;
    while (start > copied && isKindChar(text.charCodeAt(start - 1))) {
      start--;
    }
    // The kind starts at the first lowercase letter after a word boundary.
    while (
      start < at &&
      !(
        isLowercase(text.charCodeAt(start)) &&
        (start === 0 || !isWordChar(text.charCodeAt(start - 1)))
      )
    ) {
      start++;
    }
    if (start < at) {
      result += text.slice(copied, at + 1);
      copied = at + DEFAULT_NAMESPACE.length;
    }
    at = text.indexOf(DEFAULT_NAMESPACE, at + 1);
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * A finding's message as the text formats show it: refs shortened, long
 * words and the whole cut to the cell limits (see `truncate`).
 *
 * @public
 */
export function displayMessage(message: string): string {
  return truncateMessage(shortenRefs(message));
}
