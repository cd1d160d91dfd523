/**
 * Input the command cannot work with at all: a path that does not exist,
 * catalog files of which none could be read, a missing baseline, an
 * invalid option or configuration value, a definition `contract-diff`
 * cannot read. The command prints the message (one line per line of it)
 * and exits with code 2.
 *
 * @public
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
