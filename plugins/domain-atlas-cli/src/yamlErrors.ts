import { YAMLError } from 'yaml';

/**
 * Where a YAML error is: 1-based line and column.
 *
 * @public
 */
export function yamlErrorPosition(error: YAMLError): {
  line: number;
  col: number;
} {
  return error.linePos?.[0] ?? { line: 1, col: 1 };
}

/**
 * A one-line message for invalid YAML: `file:line:col: invalid YAML: …`.
 * The `yaml` package ends its messages with " at line N, column M:" and a
 * snippet of the source; the position goes to the front instead.
 *
 * @public
 */
export function describeYamlError(file: string, error: YAMLError): string {
  const pos = yamlErrorPosition(error);
  const problem = error.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  return `${file}:${pos.line}:${pos.col}: invalid YAML: ${problem}`;
}
