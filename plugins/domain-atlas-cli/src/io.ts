import { OutputStream } from './formats';

/**
 * Where a command writes and what it reads from its process: reports go to
 * `stdout`, diagnostics to `stderr`.
 *
 * @public
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory that relative paths are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * Width to lay text out for: the terminal's (80–160), else 120.
 *
 * @public
 */
export function outputWidth(stream: OutputStream): number {
  if (stream.isTTY && stream.columns) {
    return Math.min(160, Math.max(80, stream.columns));
  }
  return 120;
}

/** About what a pipe holds: fewer, larger writes than one per line. */
const CHUNK_SIZE = 64 * 1024;

/**
 * Writes text pieces to a stream as they are produced, in chunks of about
 * 64 KiB, waiting for `drain` when the stream asks to (a slow pipe), so
 * that a large report is never held as one string.
 *
 * @public
 */
export async function writeChunks(
  stream: OutputStream,
  pieces: Iterable<string>,
): Promise<void> {
  let buffer: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = buffer.join('');
    buffer = [];
    size = 0;
    if (stream.write(text) === false && stream.once) {
      await new Promise<void>(drained => stream.once!('drain', drained));
    }
  };
  for (const piece of pieces) {
    buffer.push(piece);
    size += piece.length;
    if (size >= CHUNK_SIZE) {
      await flush();
    }
  }
  if (size > 0) {
    await flush();
  }
}
