import { resolve } from 'node:path';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { runInProcess, writeTempTree } from './__testUtils__/fixtures';

const RUNBOOK_MODULE = resolve(
  __dirname,
  '../../domain-atlas-backend-module-runbook/src/index.ts',
);

const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-service
  annotations:
    domain-atlas.io/pipeline: https://ci.acme.io/orders
spec: { type: service, lifecycle: production }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-worker
  annotations:
    domain-atlas.io/pipeline: https://ci.acme.io/worker
  links:
    - { url: 'https://wiki.acme.io/worker', title: Runbook }
spec: { type: service, lifecycle: production }
`;

describe('domain-atlas --rules', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });
  const catalogDir = async (files: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree(files);
    cleanups.push(cleanup);
    return dir;
  };

  it('runs the rules a module exports, configurable like built-in ones', async () => {
    const dir = await catalogDir({
      'catalog.yaml': CATALOG,
      'app-config.yaml':
        'domainAtlas:\n  rules:\n    runbook-link: { severity: error }\n',
    });
    const run = await runInProcess(
      ['report', 'catalog.yaml', '--format', 'json', '--rules', RUNBOOK_MODULE],
      dir,
    );
    expect(run.code).toBe(0);
    const report: DomainAtlasReport = JSON.parse(run.stdout);
    expect(
      report.findings
        .filter(finding => finding.rule === 'runbook-link')
        .map(finding => finding.entities),
    ).toEqual([['component:default/orders-service']]);
    expect(report.rules.map(rule => rule.id)).toContain('runbook-link');

    const gate = await runInProcess(
      [
        'check',
        'catalog.yaml',
        '--rules',
        RUNBOOK_MODULE,
        '--config',
        'app-config.yaml',
      ],
      dir,
    );
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('runbook-link');
  });

  it('says what is wrong with a module it cannot use', async () => {
    const dir = await catalogDir({
      'catalog.yaml': CATALOG,
      'no-rules.js': 'module.exports = { answer: 42 };',
    });
    const missing = await runInProcess(
      ['report', 'catalog.yaml', '--rules', './gone.js'],
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--rules ./gone.js: cannot load it');

    const empty = await runInProcess(
      ['report', 'catalog.yaml', '--rules', './no-rules.js'],
      dir,
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--rules ./no-rules.js: exports no rule');
  });
});
