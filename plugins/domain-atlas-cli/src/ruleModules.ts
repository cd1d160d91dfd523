import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { DomainAtlasRule } from '@domain-atlas/plugin-domain-atlas-common';
import { rulesExportedBy } from '@domain-atlas/plugin-domain-atlas-node';
import { CliInputError } from './errors';

/** A path (relative to `cwd`) or an installed package name, resolved. */
function resolveModule(spec: string, cwd: string): string {
  const asPath = isAbsolute(spec) ? spec : resolve(cwd, spec);
  if (spec.startsWith('.') || isAbsolute(spec) || existsSync(asPath)) {
    return asPath;
  }
  // A package installed where the command runs, else next to the CLI.
  for (const paths of [[cwd], undefined]) {
    try {
      return require.resolve(spec, paths && { paths });
    } catch {
      // try the next place
    }
  }
  throw new CliInputError(
    `--rules ${spec}: no such file, and no installed package of that name`,
  );
}

/**
 * The rules exported by modules given with `--rules`: every export that is
 * a `DomainAtlasRule` (an object with an id and an `evaluate` function), or
 * an array of them, the default export included. A backend module package
 * exports its rules next to its module (the module itself is not a rule and
 * is left alone), so CI gates run the same rules as the portal.
 *
 * @public
 */
export function loadRuleModules(
  specs: ReadonlyArray<string>,
  cwd: string,
): DomainAtlasRule[] {
  const rules: DomainAtlasRule[] = [];
  for (const spec of specs) {
    const path = resolveModule(spec, cwd);
    let exported: Record<string, unknown>;
    try {
      // require: CommonJS and (Node 22.12+) ES modules alike; inside this
      // repository the TypeScript transform is registered.
      exported = require(path);
    } catch (error) {
      throw new CliInputError(
        `--rules ${spec}: cannot load it: ${(error as Error).message}`,
      );
    }
    const found = rulesExportedBy(exported);
    if (found.length === 0) {
      throw new CliInputError(
        `--rules ${spec}: exports no rule; export DomainAtlasRule objects (an id, a principle, a description, a defaultSeverity and an evaluate function)`,
      );
    }
    rules.push(...found);
  }
  return rules;
}
