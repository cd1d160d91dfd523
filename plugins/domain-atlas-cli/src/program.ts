import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  CheckCommandOptions,
  FAIL_ON_LEVELS,
  runCheckCommand,
} from './commands/check';
import {
  CONTRACT_DIFF_FORMATS,
  CONTRACT_TYPES,
  ContractDiffCommandOptions,
  runContractDiffCommand,
} from './commands/contractDiff';
import { ReportCommandOptions, runReportCommand } from './commands/report';
import { CliInputError } from './errors';
import { FORMATS } from './formats';
import { CliIo } from './io';

/** The package version; package.json is one level up from both src/ and dist/. */
function packageVersion(): string {
  try {
    return JSON.parse(
      // eslint-disable-next-line no-restricted-syntax
      readFileSync(resolve(__dirname, '../package.json'), 'utf8'),
    ).version;
  } catch {
    return 'unknown';
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

function addAnalysisOptions(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'app-config file with a domainAtlas block (rules, type lists); repeatable, later files win',
      collect,
      [],
    )
    .option(
      '--rules <module>',
      'a module (path or package) whose exported Domain Atlas rules run too, as a backend module adds them; repeatable',
      collect,
      [],
    )
    .option(
      '--now <date>',
      'today as an ISO date, for target statuses (default: the current date)',
    );
}

/**
 * Builds the `domain-atlas` program. Each command's action stores its exit
 * code through `setExitCode`; output goes to `io`.
 *
 * @public
 */
export function createProgram(
  io: CliIo,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command('domain-atlas')
    .description(
      'Domain Atlas over catalog YAML files: domain ownership, repo-per-domain rules, contracts and migration phases, with no Backstage running.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');

  addAnalysisOptions(
    program
      .command('report')
      .summary('print the report')
      .description(
        'Analyse catalog YAML files and print the report. Directories are read recursively (*.yaml, *.yml); Location entities are followed to local files; remote targets are skipped with a warning. Documents that are not entities and templates are skipped, files that cannot be read are reported; the rest is analysed.',
      )
      .argument('<paths...>', 'catalog files or directories')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(FORMATS)
          .default('table'),
      ),
  ).action(async (paths: string[], options: ReportCommandOptions) => {
    setExitCode(await runReportCommand(paths, options, io));
  });

  addAnalysisOptions(
    program
      .command('check')
      .summary('fail (exit 1) on unwaived findings, for CI gates')
      .description(
        'Analyse catalog YAML files and exit 1 when unwaived findings at or above --fail-on exist that the baseline does not list, or when a catalog file could not be read; print those findings and a summary to stdout.',
      )
      .argument('<paths...>', 'catalog files or directories')
      .addOption(
        new Option('--fail-on <severity>', 'lowest severity that fails')
          .choices(FAIL_ON_LEVELS)
          .default('error'),
      )
      .option(
        '-b, --baseline <report.json>',
        "a previous 'report --format json'; its findings (by id) do not fail the check",
      )
      .option(
        '--allow-unreadable',
        'pass although catalog files could not be read (YAML syntax errors, missing Location targets); they are still reported',
      ),
  ).action(async (paths: string[], options: CheckCommandOptions) => {
    setExitCode(await runCheckCommand(paths, options, io));
  });

  program
    .command('contract-diff')
    .summary('classify the changes between two API definitions')
    .description(
      "Compare two definitions of one API (OpenAPI, AsyncAPI, protobuf or GraphQL files, or catalog API entities with spec.definition) with the spec type's diff library and print each change as breaking, non-breaking or unclassified. Exit 1 when a change is breaking and the major version did not change. Nothing is fetched: $refs and URLs stay as they are.",
    )
    .argument('<old>', 'the definition before')
    .argument('<new>', 'the definition after')
    .addOption(
      new Option(
        '-t, --type <type>',
        'spec type (default: from the file extension, the document or the entity)',
      ).choices(CONTRACT_TYPES),
    )
    .option(
      '--api <name>',
      'the API entity to compare, in catalog files that hold several',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(CONTRACT_DIFF_FORMATS)
        .default('table'),
    )
    .action(
      async (
        oldPath: string,
        newPath: string,
        options: ContractDiffCommandOptions,
      ) => {
        setExitCode(
          await runContractDiffCommand(oldPath, newPath, options, io),
        );
      },
    );

  return program;
}

/**
 * Runs the command line and returns the exit code: 0 done (check passed),
 * 1 check failed, 2 unusable input (nothing readable) or usage. Never
 * calls `process.exit`.
 *
 * @public
 */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, code => {
    exitCode = code;
  });
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed the message.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliInputError) {
      io.stderr.write(
        error.message
          .split('\n')
          .map(line => `domain-atlas: ${line}\n`)
          .join(''),
      );
      return 2;
    }
    throw error;
  }
}
