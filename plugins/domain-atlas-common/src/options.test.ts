import { analyze } from './analyze';
import type { AnalysisOptions } from './options';
import { component, domain, group, system } from './testing/catalogBuilders';

describe('analysis options', () => {
  it.each<[string, AnalysisOptions, RegExp]>([
    [
      'an unknown severity',
      { rules: { 'domain-owned': { severity: 'fatal' as any } } },
      /domain-owned\.severity/,
    ],
    [
      'an unknown rule',
      { rules: { 'no-such-rule': { enabled: false } } },
      /unknown rule 'no-such-rule'/,
    ],
    [
      'a non-boolean enabled',
      { rules: { 'domain-owned': { enabled: 'no' as any } } },
      /enabled' must be a boolean/,
    ],
    [
      'a type list that is not a list',
      { deployableTypes: 'service' as any },
      /deployableTypes/,
    ],
    [
      'a date that is not a date',
      { now: 'yesterday' },
      /'now' must be an ISO date/,
    ],
    [
      'a definition cache without get and set',
      { definitionCache: {} as any },
      /'definitionCache' must have get and set methods/,
    ],
    [
      'a malformed contract change',
      { contractChanges: [{ api: 'x' } as any] },
      /contractChanges/,
    ],
    [
      'an extra rule reusing a built-in id',
      {
        extraRules: [
          {
            id: 'domain-owned',
            principle: '',
            description: '',
            defaultSeverity: 'info',
            evaluate: () => [],
          },
        ],
      },
      /defined twice/,
    ],
  ])('throws a descriptive error for %s', (_name, options, message) => {
    expect(() => analyze([], options)).toThrow(message);
  });

  it('applies configurable type sets', () => {
    const entities = [
      group('t'),
      domain('d', { owner: 't' }),
      system('s', { domain: 'd' }),
      component('job', { type: 'batch-job', system: 's' }),
    ];
    const rule = (options: AnalysisOptions) =>
      analyze(entities, options).findings.filter(
        f => f.rule === 'independent-pipeline',
      ).length;
    expect(rule({})).toBe(0);
    expect(rule({ deployableTypes: ['Batch-Job'] })).toBe(1);
  });

  it('accepts a full timestamp as now and reports the date used', () => {
    expect(analyze([], { now: '2025-03-01T10:00:00Z' }).generatedFrom).toEqual({
      entityCount: 0,
      now: '2025-03-01',
    });
    expect(analyze([]).generatedFrom.now).toBeNull();
  });
});
