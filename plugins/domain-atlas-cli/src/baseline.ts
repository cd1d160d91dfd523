import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliInputError } from './errors';

/**
 * Reads the ids of the findings in a previous `report --format json`
 * output. Throws {@link CliInputError} when the file is missing, is not
 * JSON, or is not a Domain Atlas report.
 *
 * @public
 */
export async function readBaselineIds(
  file: string,
  cwd: string,
): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliInputError(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${file}: no such file (the baseline is the output of 'domain-atlas report --format json')`
        : `${file}: cannot read: ${error}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(
      `${file}: the baseline is not JSON: ${(error as Error).message}`,
    );
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (
    !Array.isArray(findings) ||
    !findings.every(finding => typeof finding?.id === 'string')
  ) {
    throw new CliInputError(
      `${file}: not a Domain Atlas report (expected the output of 'domain-atlas report --format json', with findings[].id)`,
    );
  }
  return new Set(findings.map(finding => finding.id as string));
}
