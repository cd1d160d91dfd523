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
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map(row => row[index].text.length)),
  );
  const last = columns.length - 1;
  const pad = (text: string, index: number) => {
    if (columns[index].align === 'right') {
      return text.padStart(widths[index]);
    }
    return index === last ? text : text.padEnd(widths[index]);
  };
  const line = (cells: string[]) => cells.join('  ');
  return [
    style.bold(line(columns.map((column, index) => pad(column.header, index)))),
    ...rows.map(row =>
      line(
        row.map((cell, index) => {
          const padded = pad(cell.text, index);
          return cell.color ? style[cell.color](padded) : padded;
        }),
      ),
    ),
  ];
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a word
 * longer than the width gets a line of its own).
 *
 * @public
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}
