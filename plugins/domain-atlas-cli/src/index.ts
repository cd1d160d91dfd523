/**
 * The `domain-atlas` command line: the Domain Atlas analysis over catalog
 * YAML files, for CI gates and quick looks.
 *
 * @packageDocumentation
 */

import { runCli } from './program';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(
      `domain-atlas: unexpected error: ${error?.stack ?? error}\n`,
    );
    process.exitCode = 70;
  },
);
