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
