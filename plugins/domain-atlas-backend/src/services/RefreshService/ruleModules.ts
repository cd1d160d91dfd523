import { isAbsolute } from 'node:path';
import type { DomainAtlasRule } from '@domain-atlas/plugin-domain-atlas-common';
import { rulesExportedBy } from '@domain-atlas/plugin-domain-atlas-node';

/**
 * Where a rule module is: an absolute path as it is, a package name (or a
 * path inside one) resolved as the backend would resolve it, else from the
 * directory the backend runs in. Workers get the resolved files, so they
 * load what start-up checked.
 */
export function resolveRuleModules(modules: ReadonlyArray<string>): string[] {
  return modules.map(module => {
    if (isAbsolute(module)) {
      return module;
    }
    for (const options of [undefined, { paths: [process.cwd()] }]) {
      try {
        return require.resolve(module, options);
      } catch {
        // try the next place
      }
    }
    throw new Error(
      `Domain Atlas cannot find the rule module ${module}: give an installed package's name or an absolute path`,
    );
  });
}

/**
 * The rules of the modules that backend modules added with
 * `addRuleModule` (resolved with {@link resolveRuleModules}): loaded at
 * start-up, to check them, and again in each refresh's worker thread,
 * which runs them.
 */
export function loadRuleModules(
  modules: ReadonlyArray<string>,
): DomainAtlasRule[] {
  const rules: DomainAtlasRule[] = [];
  for (const module of modules) {
    let exported: unknown;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exported = require(module);
    } catch (error) {
      throw new Error(
        `Domain Atlas cannot load the rule module ${module}: ${
          (error as Error).message
        }`,
      );
    }
    const found = rulesExportedBy(exported);
    if (found.length === 0) {
      throw new Error(
        `Domain Atlas rule module ${module} exports no rule; export DomainAtlasRule objects (an id, a principle, a description, a defaultSeverity and an evaluate function)`,
      );
    }
    rules.push(...found);
  }
  return rules;
}
