import {
  ERRORS_CATALOG,
  reportOfYaml,
  WARNINGS_ONLY_CATALOG,
} from '../__testUtils__/fixtures';
import { checkSummary, evaluateCheck } from './check';

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
