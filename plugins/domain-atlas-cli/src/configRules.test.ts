/**
 * Rules declared in app-config (`domainAtlas.customRules`) reach the
 * command line through `--config`, read as the backend reads them.
 */
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { runCli } from './program';
import { writeTempTree } from './__testUtils__/fixtures';

const catalog = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: described
  description: Takes orders
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: undescribed
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

const appConfig = `
domainAtlas:
  customRules:
    - id: services-described
      principle: Services explain themselves
      description: A service has a description
      severity: error
      filter:
        kind: Component
        type: service
      require:
        description: true
`;

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: text => Boolean((stdout += text)) },
    stderr: { write: text => Boolean((stderr += text)) },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('domain-atlas report --config with rules in config', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await writeTempTree({
      'catalog.yaml': catalog,
      'app-config.yaml': appConfig,
      'bad-config.yaml': appConfig.replace(
        'description: true',
        "annotation: { key: tier, pattern: '(' }",
      ),
    }));
  });
  afterAll(() => cleanup());

  it('reports their findings', async () => {
    const result = await run(
      [
        'report',
        'catalog.yaml',
        '--config',
        'app-config.yaml',
        '--format',
        'json',
        '--now',
        '2026-11-21',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    const report: DomainAtlasReport = JSON.parse(result.stdout);
    expect(
      report.findings
        .filter(finding => finding.rule === 'services-described')
        .map(({ severity, entities, message }) => ({
          severity,
          entities,
          message,
        })),
    ).toEqual([
      {
        severity: 'error',
        entities: ['component:default/undescribed'],
        message:
          'component:default/undescribed has no description (metadata.description)',
      },
    ]);
    expect(report.rules.map(rule => rule.id)).toContain('services-described');
  });

  it('names the key of an invalid rule', async () => {
    const result = await run(
      ['report', 'catalog.yaml', '--config', 'bad-config.yaml'],
      dir,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].require.annotation.pattern': not a valid regular expression",
    );
  });
});
