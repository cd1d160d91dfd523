/**
 * The built-in rules read the models of `analyze` through its records when
 * they are handed the context `analyze` built, and through the public
 * interfaces of `RuleContext` otherwise (a copy of the context, one made by
 * hand). Both paths must give the same findings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../analyze';
import type { DomainAtlasReport } from '../report';
import { BUILT_IN_RULES } from '.';
import type { DomainAtlasRule } from './types';
import { expiredNote } from '../waivers';

/**
 * Each built-in rule again, evaluated on a copy of the context; but
 * `unused-exemption`, which reports what the other rules' findings left
 * unused and so runs after all of them.
 */
const onCopies: DomainAtlasRule[] = BUILT_IN_RULES.filter(
  rule => rule.id !== 'unused-exemption',
).map(rule => ({
  ...rule,
  id: `copy-${rule.id}`,
  evaluate: context => rule.evaluate({ ...context }),
}));

function expectSamePaths(entities: unknown[]) {
  const report: DomainAtlasReport = analyze(entities, {
    now: '2026-01-01',
    extraRules: onCopies,
  });
  const findings = (prefix: string) =>
    report.findings
      .filter(f =>
        prefix === ''
          ? !f.rule.startsWith('copy-') && f.rule !== 'unused-exemption'
          : f.rule.startsWith(prefix),
      )
      // Waivers name rule ids, which the copies do not have.
      .map(
        ({
          waived: _waived,
          waiver: _waiver,
          waiverUntil: _until,
          expiredWaiver,
          ...f
        }) => ({
          ...f,
          id: f.id.slice(prefix.length),
          rule: f.rule.slice(prefix.length),
          message: expiredWaiver
            ? f.message.slice(0, -expiredNote(expiredWaiver).length)
            : f.message,
        }),
      );
  expect(findings('copy-')).toEqual(findings(''));
  return findings('').length;
}

const examplesDir = resolve(__dirname, '../../../../examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

const names = ['a', 'b', 'c'];
const ref = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map(n => `resource:${n}`),
  fc.constantFrom(...names).map(n => `component:${n}`),
  fc.constantFrom(...names).map(n => `user:${n}`),
);
const refs = fc.oneof(ref, fc.array(ref, { maxLength: 3 }));
const entity = fc.record({
  kind: fc.constantFrom(
    'Domain',
    'System',
    'Component',
    'API',
    'Resource',
    'Group',
    'User',
  ),
  metadata: fc.record({
    name: fc.constantFrom(...names),
    annotations: fc.dictionary(
      fc.constantFrom(
        'backstage.io/source-location',
        'domain-atlas.io/pipeline',
        'domain-atlas.io/exemptions',
        'domain-atlas.io/migration-phase',
      ),
      fc.constantFrom(
        'url:https://github.com/acme/mono/tree/main/x',
        'url:https://github.com/acme/own',
        'https://ci.acme.io/job',
        'single-owner: ok',
        '3',
      ),
    ),
  }),
  spec: fc.record(
    {
      type: fc.constantFrom(
        'service',
        'library',
        'cache',
        'database',
        'openapi',
        'asyncapi',
      ),
      owner: ref,
      domain: ref,
      system: ref,
      subcomponentOf: ref,
      parent: ref,
      children: refs,
      providesApis: refs,
      consumesApis: refs,
      dependsOn: refs,
    },
    { requiredKeys: [] },
  ),
});

describe('built-in rules on a copy of the context', () => {
  it('find the same in the demo organisation', () => {
    const entities = yamlFiles(examplesDir).flatMap(file =>
      parseAllDocuments(readFileSync(file, 'utf8')).map(doc => doc.toJS()),
    );
    expect(expectSamePaths(entities)).toBeGreaterThan(10);
  });

  it('find the same in random catalogs', () => {
    let findings = 0;
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 40 }), entities => {
        findings += expectSamePaths(entities);
      }),
      { numRuns: 200 },
    );
    expect(findings).toBeGreaterThan(0);
  });
});
