import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleModules, resolveRuleModules } from './ruleModules';

describe('rule modules', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rule-modules-'));
  const file = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('resolves a package name and keeps an absolute path', () => {
    const path = file('rules.js', 'exports.x = 1;');
    const [resolved, kept] = resolveRuleModules([
      '@domain-atlas/plugin-domain-atlas-backend-module-runbook',
      path,
    ]);
    expect(resolved).toMatch(/domain-atlas-backend-module-runbook/);
    expect(kept).toBe(path);
  });

  it('names a module it cannot find', () => {
    expect(() => resolveRuleModules(['@acme/no-such-rules'])).toThrow(
      "Domain Atlas cannot find the rule module @acme/no-such-rules: give an installed package's name or an absolute path",
    );
  });

  it('loads every rule a module exports, arrays too', () => {
    const path = file(
      'two.js',
      `const rule = id => ({ id, principle: 'p', description: 'd', defaultSeverity: 'info', *evaluate() {} });
       exports.one = rule('one'); exports.more = [rule('two')]; exports.other = 42;`,
    );
    expect(loadRuleModules([path]).map(rule => rule.id)).toEqual([
      'one',
      'two',
    ]);
  });

  it('names a module that does not load or exports no rule', () => {
    const broken = file('broken.js', "throw new Error('missing dependency');");
    expect(() => loadRuleModules([broken])).toThrow(
      `Domain Atlas cannot load the rule module ${broken}: missing dependency`,
    );
    const empty = file('empty.js', 'exports.helper = () => 1;');
    expect(() => loadRuleModules([empty])).toThrow(
      `Domain Atlas rule module ${empty} exports no rule`,
    );
  });
});
