import { runAnalysis } from '../analysis';
import { colorEnabled, createStyle, Format, formatReport } from '../formats';
import { CliIo, outputWidth } from '../io';

/**
 * Options of `domain-atlas report`.
 *
 * @public
 */
export interface ReportCommandOptions {
  format: Format;
  /** app-config files; later ones win. */
  config: string[];
  now?: string;
}

/**
 * `domain-atlas report`: analyses the catalog files and prints the report
 * to stdout, warnings to stderr. Returns the exit code (0); input it cannot
 * use throws a `CliInputError`.
 *
 * @public
 */
export async function runReportCommand(
  paths: string[],
  options: ReportCommandOptions,
  io: CliIo,
): Promise<number> {
  const { report, warnings } = await runAnalysis({
    paths,
    configs: options.config,
    now: options.now,
    cwd: io.cwd,
  });
  for (const warning of warnings) {
    io.stderr.write(`warning: ${warning}\n`);
  }
  io.stdout.write(
    formatReport(report, options.format, {
      style: createStyle(colorEnabled(io.stdout, io.env)),
      width: outputWidth(io.stdout),
    }),
  );
  return 0;
}
