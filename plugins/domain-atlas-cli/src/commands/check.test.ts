import {
  ERRORS_CATALOG,
  reportOfYaml,
  runInProcess,
  WARNINGS_ONLY_CATALOG,
  writeTempTree,
} from '../__testUtils__/fixtures';
import { checkFailed, checkSummary, evaluateCheck } from './check';

const ids = (findings: { id: string }[]) => findings.map(f => f.id);

describe('evaluateCheck', () => {
  const errors = reportOfYaml(ERRORS_CATALOG);
  const warningsOnly = reportOfYaml(WARNINGS_ONLY_CATALOG);

  it('fails on unwaived errors by default, counting warnings as below', () => {
    const outcome = evaluateCheck(errors, 'error');
    expect(ids(outcome.failing)).toEqual([
      'repo-per-domain:domain:default/billing:github.com/acme/mono',
      'repo-per-domain:domain:default/shop:github.com/acme/mono',
    ]);
    expect(ids(outcome.below)).toEqual([
      'independent-pipeline:domain:default/shop:component:default/cart-service',
    ]);
    expect(checkSummary(outcome, 'error', false)).toBe(
      'check failed: 2 error findings (1 below error, 0 waived).',
    );
  });

  it('passes on warnings with --fail-on error, fails with --fail-on warning', () => {
    expect(evaluateCheck(warningsOnly, 'error').failing).toEqual([]);
    expect(ids(evaluateCheck(warningsOnly, 'warning').failing)).toEqual([
      'independent-pipeline:domain:default/shop:component:default/cart-service',
    ]);
  });

  it('lets baseline findings pass and reports the ones fixed since', () => {
    const baseline = new Set([
      ...ids(errors.findings),
      'own-datastore:domain:default/shop:gone',
    ]);
    const outcome = evaluateCheck(errors, 'warning', baseline);
    expect(outcome.failing).toEqual([]);
    expect(outcome.known).toHaveLength(3);
    expect(outcome.fixed).toEqual(['own-datastore:domain:default/shop:gone']);
    expect(checkSummary(outcome, 'warning', true)).toBe(
      'check passed: no new warning or error findings (3 known in the baseline, 0 below warning, 0 waived, 1 fixed since the baseline).',
    );
  });

  it('never fails on a waived finding', () => {
    const waived = reportOfYaml(
      ERRORS_CATALOG.replace(
        '  name: cart-service\n  annotations:\n',
        "  name: cart-service\n  annotations:\n    domain-atlas.io/exemptions: 'repo-per-domain: moving out in Q3'\n",
      ),
    );
    const outcome = evaluateCheck(waived, 'error');
    expect(ids(outcome.waived)).toEqual([
      'repo-per-domain:domain:default/shop:github.com/acme/mono',
    ]);
    expect(outcome.failing).toHaveLength(1);
  });
});

describe('check on catalog files that cannot be read', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });
  /** The warnings-only catalog, an OpenAPI file, and `extra` files. */
  const tree = async (extra: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree({
      'catalog.yaml': WARNINGS_ONLY_CATALOG,
      'api/openapi.yaml':
        'openapi: 3.0.3\ninfo:\n  title: x\n  version: 1.0.0\npaths: {}\n',
      ...extra,
    });
    cleanups.push(cleanup);
    return dir;
  };

  it('fails on a YAML syntax error or a missing target unless --allow-unreadable', async () => {
    const dir = await tree({
      'broken.yaml': 'kind: Group\nmetadata:\n  name: a: b\n',
      'all.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  target: ./moved.yaml\n',
    });
    const failed = await runInProcess(['check', '.'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe(
      [
        'No domain',
        '  error    catalog-file  broken.yaml:3:9: invalid YAML: Nested mappings are not allowed in compact mappings',
        '  error    catalog-file  all.yaml:1: Location all points at moved.yaml, which does not exist',
        '',
        'check failed: 2 unreadable catalog files (2 below error, 0 waived); --allow-unreadable lets unreadable files pass.',
        '',
      ].join('\n'),
    );

    const allowed = await runInProcess(
      ['check', '.', '--allow-unreadable'],
      dir,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toBe(
      'check passed: no error findings (2 unreadable catalog files allowed, 2 below error, 0 waived).\n',
    );
    // Still reported, on stderr.
    expect(allowed.stderr).toContain('error: broken.yaml:3:9: invalid YAML');

    // The flag does not let other findings pass.
    const warning = await runInProcess(
      ['check', '.', '--allow-unreadable', '--fail-on', 'warning'],
      dir,
    );
    expect(warning.code).toBe(1);
    expect(warning.stdout.trimEnd().split('\n').pop()).toBe(
      'check failed: 1 warning or error finding (2 unreadable catalog files allowed, 1 below warning, 0 waived).',
    );
  });

  it('never fails on skipped documents (API definitions, notes, templates)', async () => {
    const dir = await tree({
      'notes.yaml': 'review: quarterly\n',
      'skeleton/catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\n',
    });
    const result = await runInProcess(['check', '.'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'check passed: no error findings (4 below error, 0 waived).\n',
    );
  });

  it('fails on an unreadable file that the baseline knows, passes it when allowed', () => {
    const report = reportOfYaml(WARNINGS_ONLY_CATALOG);
    report.findings.push({
      id: 'catalog-file:unassigned::syntax-error:broken.yaml:3:9',
      rule: 'catalog-file',
      severity: 'error',
      domain: null,
      entities: [],
      message: 'broken.yaml:3:9: invalid YAML: …',
      waived: false,
    });
    const baseline = new Set(ids(report.findings));
    const known = evaluateCheck(report, 'error', baseline);
    expect(ids(known.unreadable)).toEqual([
      'catalog-file:unassigned::syntax-error:broken.yaml:3:9',
    ]);
    expect(checkFailed(known)).toBe(true);
    expect(checkFailed(evaluateCheck(report, 'error', baseline, true))).toBe(
      false,
    );
  });
});
