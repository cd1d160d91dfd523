import { isSpace } from './layout';

/**
 * How long a cell may get in the text formats (table, markdown). JSON and
 * csv keep every value whole.
 *
 * Messages are wrapped, so they may be longer than a line: the longest
 * message of the demo organisation is under 400 characters, a repository
 * shared by many domains gives longer ones, and a few lines is enough to
 * say what is wrong. Single words (refs, names, URLs) are cut shorter,
 * names and refs in columns and headings shorter still.
 *
 * @public
 */
export const CELL_LIMITS = {
  /** A finding's message or waiver, in characters. */
  message: 500,
  /** One word of a message: a ref, a name, a URL. */
  word: 80,
  /** A domain title or owner in the domain table. */
  name: 40,
  /** A title or ref in a heading. */
  heading: 60,
  /** A rule id in the rule column. */
  rule: 40,
} as const;

/**
 * Text cut to at most `max` characters, ending with `…` when it was cut
 * (never inside a surrogate pair).
 *
 * @public
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    end -= 1;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * Text with each word (a run without white space) longer than `max` cut.
 * A scan rather than a regular expression like `\S{81,}`, which tries
 * every position and made this the slowest step of a large table.
 */
function truncateWords(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let result = '';
  let copied = 0;
  let wordStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isSpace(text.charCodeAt(i))) {
      if (i - wordStart > max) {
        result += text.slice(copied, wordStart);
        result += truncate(text.slice(wordStart, i), max);
        copied = i;
      }
      wordStart = i + 1;
    }
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * Text with each word (a run without spaces) longer than
 * {@link CELL_LIMITS}.word cut, then the whole cut to `max`.
 *
 * @public
 */
export function truncateMessage(
  text: string,
  max: number = CELL_LIMITS.message,
): string {
  return truncate(truncateWords(text, CELL_LIMITS.word), max);
}
