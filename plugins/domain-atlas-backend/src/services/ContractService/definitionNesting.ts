import { comparableType } from '@domain-atlas/plugin-domain-atlas-node';

/**
 * How deeply a candidate definition may nest. The YAML parser, GraphQL's
 * parser and the diff libraries recurse once (or more) per level, so a
 * definition 100,000 levels deep overflows their stack; real definitions
 * stay well below 50 levels.
 */
export const MAX_NESTING_DEPTH = 256;

/** The lexical rules of a brace language that matter to a bracket count. */
interface BracketSyntax {
  open: string;
  close: string;
  /** Starts a comment to the end of the line. */
  lineComment: string;
  /** Starts and ends a comment that may span lines, if the language has one. */
  blockComment?: [string, string];
  /** Quotes of strings (with backslash escapes). */
  quotes: string;
  /** Starts and ends a string that may span lines, if the language has one. */
  blockString?: string;
}

/** Selection sets, list types and values, arguments. */
const GRAPHQL: BracketSyntax = {
  open: '{[(',
  close: '}])',
  lineComment: '#',
  quotes: '"',
  blockString: '"""',
};

/** Messages and enums, options' aggregate values (`{}` or `<>`), map types. */
const PROTOBUF: BracketSyntax = {
  open: '{[(<',
  close: '}])>',
  lineComment: '//',
  blockComment: ['/*', '*/'],
  quotes: '"\'',
};

/**
 * Why a candidate nests too deeply to be compared, or `undefined` when it
 * does not. Measured without parsing: objects (a definition sent as JSON)
 * are walked with a stack of our own, text is scanned once, char by char.
 * The scans count generously (a multi-line plain scalar may add a level),
 * never recurse, and stop as soon as the bound is passed.
 */
export function nestingProblem(
  definition: unknown,
  type: string,
  maxDepth = MAX_NESTING_DEPTH,
): string | undefined {
  const depth =
    typeof definition === 'string'
      ? textDepth(definition, type, maxDepth)
      : valueDepth(definition, maxDepth);
  return depth > maxDepth
    ? `The candidate definition nests more than ${maxDepth} levels deep; Domain Atlas compares definitions nested up to ${maxDepth} levels`
    : undefined;
}

function textDepth(text: string, type: string, maxDepth: number): number {
  switch (comparableType(type)) {
    case 'openapi':
    case 'asyncapi':
      return yamlDepth(text, maxDepth);
    case 'graphql':
      return bracketDepth(text, GRAPHQL, maxDepth);
    case 'grpc':
      return bracketDepth(text, PROTOBUF, maxDepth);
    default:
      // Nothing parses a definition of a type Domain Atlas cannot compare.
      return 0;
  }
}

/** The depth of parsed JSON: 1 for `{}` or `[]`, 0 for a scalar. */
function valueDepth(value: unknown, maxDepth: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    deepest = Math.max(deepest, depth);
    if (deepest > maxDepth) {
      break;
    }
    for (const child of Object.values(node)) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The most brackets open at once, outside strings and comments. */
function bracketDepth(
  text: string,
  syntax: BracketSyntax,
  maxDepth: number,
): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  const skipTo = (end: string, from: number) => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  while (i < text.length) {
    const c = text[i];
    if (syntax.blockString && text.startsWith(syntax.blockString, i)) {
      // GraphQL's block strings escape only \""" inside.
      let end = i + syntax.blockString.length;
      do {
        end = skipTo(syntax.blockString, end);
      } while (end < text.length && text[end - 4] === '\\');
      i = end;
    } else if (text.startsWith(syntax.lineComment, i)) {
      i = skipTo('\n', i);
    } else if (
      syntax.blockComment &&
      text.startsWith(syntax.blockComment[0], i)
    ) {
      i = skipTo(syntax.blockComment[1], i + syntax.blockComment[0].length);
    } else if (syntax.quotes.includes(c)) {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') {
        i += text[i] === '\\' ? 2 : 1;
      }
      i++;
    } else {
      if (syntax.open.includes(c)) {
        depth++;
        deepest = Math.max(deepest, depth);
        if (deepest > maxDepth) {
          break;
        }
      } else if (syntax.close.includes(c) && depth > 0) {
        depth--;
      }
      i++;
    }
  }
  return deepest;
}

const isBlank = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\r';

/**
 * The nesting of a YAML (or JSON) document: block collections by their
 * indentation and compact `- ` / `? ` entries, plus flow collections
 * `[` `{` opened where a node starts. Quoted scalars, comments and block
 * scalars (`|`, `>`) are skipped.
 */
function yamlDepth(text: string, maxDepth: number): number {
  /** Columns of the open block collections, innermost last. */
  const indents: number[] = [];
  let flow = 0;
  /** Indentation of the line that opened the outermost flow collection. */
  let flowIndent = 0;
  let quote: string | undefined;
  /** While ≥ 0, lines indented more than this belong to a block scalar. */
  let blockScalarIndent = -1;
  let deepest = 0;
  const reached = () => {
    deepest = Math.max(deepest, indents.length + flow);
    return deepest > maxDepth;
  };

  for (let start = 0; start < text.length; ) {
    const lineStart = start;
    const newline = text.indexOf('\n', lineStart);
    const end = newline < 0 ? text.length : newline;
    start = end + 1;
    let i = lineStart;
    let indent = 0;
    if (quote === undefined) {
      while (text[i] === ' ') {
        i++;
      }
      indent = i - lineStart;
      if (i >= end || text[i] === '#' || text[i] === '\r') {
        continue;
      }
      if (blockScalarIndent >= 0) {
        if (indent > blockScalarIndent) {
          continue;
        }
        blockScalarIndent = -1;
      }
      if (flow > 0 && indent < flowIndent) {
        // A flow collection never closed: the parser will say so.
        flow = 0;
      }
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > indent) {
          indents.pop();
        }
        if (indents.length === 0 || indents[indents.length - 1] < indent) {
          indents.push(indent);
        }
        if (reached()) {
          return deepest;
        }
      }
    }
    let atNodeStart = quote === undefined;
    for (; i < end; i++) {
      const c = text[i];
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') {
          i++;
        } else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") {
            i++;
          } else {
            quote = undefined;
            atNodeStart = false;
          }
        }
        continue;
      }
      if (isBlank(c)) {
        continue;
      }
      if (c === '#' && isBlank(text[i - 1])) {
        break;
      }
      if (atNodeStart) {
        if (c === '[' || c === '{') {
          if (flow === 0) {
            flowIndent = indent;
          }
          flow++;
          if (reached()) {
            return deepest;
          }
          continue;
        }
        if (c === '"' || c === "'") {
          quote = c;
          continue;
        }
        if (
          flow === 0 &&
          i === lineStart &&
          /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(i, i + 4))
        ) {
          // A document marker; a node may follow on the same line.
          i += 2;
          continue;
        }
        if (
          flow === 0 &&
          (c === '-' || c === '?' || c === ':') &&
          (i + 1 >= end || isBlank(text[i + 1]))
        ) {
          // `- - x`, `- key: value`, `key: ? x`, `: : x`: each entry
          // indicator opens a collection, whose content starts further
          // right.
          let content = i + 1;
          while (content < end && isBlank(text[content])) {
            content++;
          }
          indents.push(content - lineStart);
          if (reached()) {
            return deepest;
          }
          continue;
        }
        if (flow === 0 && (c === '|' || c === '>')) {
          blockScalarIndent = indent;
          break;
        }
        if (c === '&' || c === '!') {
          // An anchor or a tag: the node itself follows.
          while (i + 1 < end && !isBlank(text[i + 1])) {
            i++;
          }
          continue;
        }
        atNodeStart = false;
      }
      if (flow > 0) {
        if (c === ']' || c === '}') {
          flow--;
        } else if (c === '[' || c === '{') {
          flow++;
          if (reached()) {
            return deepest;
          }
        } else if (c === ',' || c === ':') {
          atNodeStart = true;
        }
      } else if (c === ':' && (i + 1 >= end || isBlank(text[i + 1]))) {
        atNodeStart = true;
      }
    }
  }
  return deepest;
}
