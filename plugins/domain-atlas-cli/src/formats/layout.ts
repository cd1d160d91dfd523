import { Style } from './style';

/**
 * One cell of a text table: its text and, optionally, how to colour it.
 *
 * @public
 */
export interface Cell {
  text: string;
  color?: keyof Style;
}

/**
 * A column of a text table.
 *
 * @public
 */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Lays rows out in aligned columns, two spaces apart, header in bold.
 * Widths come from the plain text, so colour never shifts a column.
 *
 * @public
 */
export function renderColumns(
  columns: Column[],
  rows: Cell[][],
  style: Style,
): string[] {
  // Loops, not Math.max(...lengths): a spread of 100k+ arguments
  // overflows the stack.
  const widths = columns.map(column => column.header.length);
  for (const row of rows) {
    for (let index = 0; index < widths.length; index++) {
      widths[index] = Math.max(widths[index], row[index].text.length);
    }
  }
  const last = columns.length - 1;
  const pad = (text: string, index: number) => {
    if (columns[index].align === 'right') {
      return text.padStart(widths[index]);
    }
    return index === last ? text : text.padEnd(widths[index]);
  };
  const line = (cells: string[]) => cells.join('  ');
  const lines = [
    style.bold(line(columns.map((column, index) => pad(column.header, index)))),
  ];
  for (const row of rows) {
    lines.push(
      line(
        row.map((cell, index) => {
          const padded = pad(cell.text, index);
          return cell.color ? style[cell.color](padded) : padded;
        }),
      ),
    );
  }
  return lines;
}

/**
 * Whether a UTF-16 code unit is white space, as `\s` matches it.
 *
 * @public
 */
export function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) {
    return true;
  }
  return code >= 0xa0 && /\s/.test(String.fromCharCode(code));
}

/**
 * Breaks text into lines of at most `width` characters at white space (a
 * word longer than the width gets a line of its own); words are joined by
 * one space. A scan that slices lines out of the text where it can,
 * rather than a split on a regular expression and a string built word by
 * word: a large table wraps hundreds of thousands of messages.
 *
 * @public
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  const end = text.length;
  // The line being built: from lineStart to lineEnd in the text, its
  // length once its words are joined by single spaces, and whether they
  // are (then the line is a slice of the text).
  let lineStart = -1;
  let lineEnd = 0;
  let lineLength = 0;
  let single = true;
  const push = () => {
    const line = text.slice(lineStart, lineEnd);
    lines.push(single ? line : line.split(/\s+/).join(' '));
  };
  let i = 0;
  while (i < end) {
    const gapStart = i;
    while (i < end && isSpace(text.charCodeAt(i))) {
      i++;
    }
    if (i === end) {
      break;
    }
    const wordStart = i;
    while (i < end && !isSpace(text.charCodeAt(i))) {
      i++;
    }
    const wordLength = i - wordStart;
    if (lineStart < 0) {
      lineStart = wordStart;
      lineLength = wordLength;
      single = true;
    } else if (lineLength + 1 + wordLength > width) {
      push();
      lineStart = wordStart;
      lineLength = wordLength;
      single = true;
    } else {
      lineLength += 1 + wordLength;
      single =
        single &&
        wordStart - gapStart === 1 &&
        text.charCodeAt(gapStart) === 32;
    }
    lineEnd = i;
  }
  if (lineStart < 0) {
    lines.push('');
  } else {
    push();
  }
  return lines;
}
