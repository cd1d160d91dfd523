import type { DomainAtlasRule } from '@domain-atlas/plugin-domain-atlas-common';
import { rulesExportedBy } from '@domain-atlas/plugin-domain-atlas-node';

/**
 * The rules of the modules that backend modules added with
 * `addRuleModule`: loaded at start-up, to check them, and again in each
 * refresh's worker thread, which runs them.
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
