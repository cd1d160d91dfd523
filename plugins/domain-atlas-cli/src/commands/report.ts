import { runAnalysis, writeDiagnostics } from '../analysis';
import { colorEnabled, createStyle, Format, reportChunks } from '../formats';
import { CliIo, outputWidth, writeChunks } from '../io';

/**
 * Options of `domain-atlas report`.
 *
 * @public
 */
export interface ReportCommandOptions {
  format: Format;
  /** app-config files; later ones win. */
  config: string[];
  /** Modules whose exported rules run too (`--rules`). */
  rules?: string[];
  now?: string;
}

/**
 * `domain-atlas report`: analyses the catalog files and writes the report
 * to stdout as it is laid out, diagnostics (skipped files, files that
 * could not be read, remote targets) to stderr. Returns the exit code (0);
 * input it cannot use at all throws a `CliInputError`.
 *
 * @public
 */
export async function runReportCommand(
  paths: string[],
  options: ReportCommandOptions,
  io: CliIo,
): Promise<number> {
  const analysis = await runAnalysis({
    paths,
    configs: options.config,
    rules: options.rules,
    now: options.now,
    cwd: io.cwd,
  });
  writeDiagnostics(analysis, io.stderr);
  await writeChunks(
    io.stdout,
    reportChunks(analysis.report, options.format, {
      style: createStyle(colorEnabled(io.stdout, io.env)),
      width: outputWidth(io.stdout),
    }),
  );
  return 0;
}
