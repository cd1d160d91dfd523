import { resolve } from 'node:path';
import ts from 'typescript';
import { DOMAIN_ATLAS_CONFIG_KEYS, keyPaths } from './knownConfigKeys';

/**
 * The key paths that config.d.ts documents under `domainAtlas`, in the
 * notation of `keyPaths`. The TypeScript compiler resolves the types as
 * Backstage's config schema tooling does, so a key is found however it is
 * written: inline, as `Array<{…}>` or `{…}[]`, as an index signature, or
 * through an imported type such as SchedulerServiceTaskScheduleDefinitionConfig.
 * A union (a duration or a cron schedule; `'global' | 'local'`) is one
 * value whose reader checks its shape.
 */
function documentedKeyPaths(configSchema: string): string[] {
  const program = ts.createProgram([configSchema], {
    noEmit: true,
    skipLibCheck: true,
    strict: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(configSchema)!;
  const configInterface = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'Config',
  )!;
  const domainAtlas = checker
    .getTypeAtLocation(configInterface)
    .getProperty('domainAtlas')!;

  const paths: string[] = [];
  function visitBlock(type: ts.Type, prefix: string) {
    const byName = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (byName) {
      paths.push(`${prefix}*`);
      visitValue(byName.type, `${prefix}*`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      paths.push(`${prefix}${property.name}`);
      visitValue(
        checker.getTypeOfSymbol(property),
        `${prefix}${property.name}`,
      );
    }
  }
  function visitValue(type: ts.Type, path: string) {
    const value = checker.getNonNullableType(type);
    if (checker.isArrayType(value)) {
      const [entry] = checker.getTypeArguments(value as ts.TypeReference);
      const entryType = checker.getNonNullableType(entry);
      if (entryType.flags & ts.TypeFlags.Object) {
        visitBlock(entryType, `${path}[].`);
      }
    } else if (!value.isUnion() && value.flags & ts.TypeFlags.Object) {
      visitBlock(value, `${path}.`);
    }
  }
  visitValue(checker.getTypeOfSymbol(domainAtlas), 'domainAtlas');
  return paths.map(path => path.slice('domainAtlas.'.length));
}

describe('DOMAIN_ATLAS_CONFIG_KEYS', () => {
  it('lists exactly the keys config.d.ts documents', () => {
    const documented = documentedKeyPaths(
      resolve(__dirname, '../../../config.d.ts'),
    );
    const known = keyPaths(DOMAIN_ATLAS_CONFIG_KEYS);

    // On failure: add the key to knownConfigKeys.ts (or remove it there),
    // so that start-up accepts exactly what config.d.ts documents.
    expect({
      documentedButUnknown: documented.filter(path => !known.includes(path)),
      knownButUndocumented: known.filter(path => !documented.includes(path)),
    }).toEqual({ documentedButUnknown: [], knownButUndocumented: [] });
    expect(documented).toContain('schedule.frequency');
    expect(documented).toContain('contractHistory.backfill[].seenAt');
    expect(documented).toContain('rules.*.severity');
  });
});
