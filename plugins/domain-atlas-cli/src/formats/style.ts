/**
 * Terminal colours, or none. Colour is used only when the stream is a
 * terminal that supports it; Node's `hasColors()` also honours `NO_COLOR`,
 * `FORCE_COLOR` and `TERM=dumb`.
 *
 * @public
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/**
 * A stream the CLI writes to; `isTTY`, `hasColors` and `once('drain')` as
 * on `process.stdout`.
 *
 * @public
 */
export interface OutputStream {
  /** Returns false when the stream's buffer is full (then wait for `drain`). */
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
  hasColors?(): boolean;
}

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const plain = (text: string) => text;

/**
 * {@link Style} with ANSI colours when `enabled`, else one that leaves text as is.
 *
 * @public
 */
export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    return {
      bold: plain,
      dim: plain,
      red: plain,
      yellow: plain,
      green: plain,
      cyan: plain,
    };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
  };
}

/**
 * Whether to colour what goes to `stream`: a terminal, and `NO_COLOR` unset.
 *
 * @public
 */
export function colorEnabled(
  stream: OutputStream,
  env: Record<string, string | undefined>,
): boolean {
  if (!stream.isTTY || env.NO_COLOR !== undefined) {
    return false;
  }
  return stream.hasColors ? stream.hasColors() : true;
}
