/**
 * Input the command cannot work with: a missing or unreadable file, invalid
 * YAML, an entity without kind or name, an invalid option or configuration
 * value. The command prints the message and exits with code 2.
 *
 * @public
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
