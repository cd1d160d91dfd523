import { DefinitionOutcomes } from './DefinitionOutcomes';
import { RefreshAnalysis } from './RefreshAnalysis';

const definition =
  'openapi: 3.0.0\ninfo:\n  title: Orders\n  version: 2.1.0\npaths: {}\n';

describe('DefinitionOutcomes', () => {
  it('keeps outcomes by the text, and hands back only what was used', () => {
    const first = new DefinitionOutcomes();
    first.set(definition, { version: '2.1.0' });
    first.set('openapi: 3.0.0', { problem: 'no info' });
    expect(first.get(definition)).toEqual({ version: '2.1.0' });

    const next = new DefinitionOutcomes(first.usedOutcomes());
    expect(next.get(definition)).toEqual({ version: '2.1.0' });
    expect(next.get('asyncapi: 2.6.0')).toBeUndefined();
    expect(next.usedOutcomes()).toEqual([
      [expect.stringMatching(/^[0-9a-f]{64}$/), { version: '2.1.0' }],
    ]);
  });

  it('spares the next refresh parsing a definition that did not change', () => {
    const api = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'orders-api' },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'orders-team',
        definition,
      },
    };
    const analyse = (known: ReturnType<DefinitionOutcomes['usedOutcomes']>) => {
      const analysis = new RefreshAnalysis(
        { config: undefined, ruleModules: [], maxDefinitionSize: 1_000_000 },
        known,
      );
      analysis.addPage([api]);
      analysis.analyze({ contractChanges: [], now: '2026-12-07T00:00:00Z' });
      return analysis.definitionOutcomes(0, 10);
    };
    const parsed = analyse([]);
    expect(parsed).toEqual([[expect.any(String), { version: '2.1.0' }]]);
    // An outcome the refresh before found is used as it is, not parsed
    // again: a made-up one shows which.
    const madeUp = [[parsed[0][0], { version: '9.9.9' }]] as typeof parsed;
    expect(analyse(madeUp)).toEqual(madeUp);
  });
});
