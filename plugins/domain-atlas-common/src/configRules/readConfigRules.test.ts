import { ConfigReader } from '@backstage/config';
import { readAnalysisOptionsFromConfig } from '../configuredOptions';

const valid = {
  id: 'apis-have-lifecycle-label',
  principle: 'Contracts say how long they live',
  description: 'An API has a lifecycle label',
  severity: 'warning',
  filter: { kind: 'API', phase: { evidence: 2 } },
  require: { label: { key: 'lifecycle', pattern: '^(ga|beta)$' } },
};

const read = (customRules: unknown, moduleRuleIds: string[] = []) =>
  readAnalysisOptionsFromConfig(
    new ConfigReader(
      { domainAtlas: { customRules } } as any,
      'app-config.yaml',
    ),
    moduleRuleIds,
  );

/** `valid` with `change` applied; a key set to undefined is left out. */
const withChange = (change: Record<string, unknown>) =>
  JSON.parse(JSON.stringify({ ...valid, ...change }));

describe('domainAtlas.customRules', () => {
  it('become extra rules, with the config severity as default', () => {
    const options = read([
      valid,
      { ...valid, id: 'second', severity: 'error' },
    ]);
    expect(
      options.extraRules?.map(rule => [
        rule.id,
        rule.principle,
        rule.description,
        rule.defaultSeverity,
        rule.needsEvidencePhase ?? false,
      ]),
    ).toEqual([
      [
        'apis-have-lifecycle-label',
        'Contracts say how long they live',
        'An API has a lifecycle label',
        'warning',
        true,
      ],
      [
        'second',
        'Contracts say how long they live',
        'An API has a lifecycle label',
        'error',
        true,
      ],
    ]);
  });

  it('default to severity warning, and wait for the evidence phase only when they filter by it', () => {
    const [rule] = read([
      withChange({ severity: undefined, filter: { phase: { declared: 1 } } }),
    ]).extraRules!;
    expect(rule.defaultSeverity).toBe('warning');
    expect(rule.needsEvidencePhase).toBeUndefined();
  });

  it('can be configured in domainAtlas.rules', () => {
    expect(
      readAnalysisOptionsFromConfig(
        new ConfigReader({
          domainAtlas: {
            customRules: [valid],
            rules: { 'apis-have-lifecycle-label': { severity: 'info' } },
          },
        }),
      ).rules,
    ).toEqual({
      'apis-have-lifecycle-label': { enabled: undefined, severity: 'info' },
    });
  });

  it('add nothing when there are none', () => {
    expect(read([])).toEqual({});
  });

  const at = (key: string) =>
    `Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].${key}'`;

  it.each<[string, unknown[], string]>([
    ['a missing id', [withChange({ id: undefined })], `${at('id')}: required`],
    [
      'an id that is no kebab-case rule id',
      [withChange({ id: 'Lifecycle Label' })],
      `${at('id')}: 'Lifecycle Label' is not a kebab-case rule id`,
    ],
    [
      'the id of a built-in rule',
      [withChange({ id: 'own-datastore' })],
      `${at('id')}: 'own-datastore' is already the id of a built-in rule`,
    ],
    [
      'a missing principle',
      [withChange({ principle: ' ' })],
      `${at('principle')}: required, and must not be empty`,
    ],
    [
      'a bad severity',
      [withChange({ severity: 'fatal' })],
      `${at('severity')}: 'fatal' is not one of error, warning, info`,
    ],
    [
      'an unknown key',
      [withChange({ message: 'x' })],
      `${at('message')}: unknown key; domainAtlas.customRules[0] accepts id,`,
    ],
    [
      'an unknown filter',
      [withChange({ filter: { kinds: ['API'] } })],
      `${at(
        'filter.kinds',
      )}: unknown key; domainAtlas.customRules[0].filter accepts kind,`,
    ],
    [
      'an empty filter list',
      [withChange({ filter: { kind: [] } })],
      `${at(
        'filter.kind',
      )}: expected a text or a non-empty list of texts, got []`,
    ],
    [
      'a phase out of range',
      [withChange({ filter: { phase: { evidence: 4 } } })],
      `${at('filter.phase.evidence')}: a phase is 0, 1, 2 or 3, got 4`,
    ],
    [
      'a phase that is not a whole number',
      [withChange({ filter: { phase: { declared: 1.5 } } })],
      `${at('filter.phase.declared')}: a phase is 0, 1, 2 or 3, got 1.5`,
    ],
    [
      'a phase filter without a phase',
      [withChange({ filter: { phase: {} } })],
      `${at('filter.phase')}: give evidence, declared or both`,
    ],
    [
      'no requirement',
      [withChange({ require: undefined })],
      `${at(
        'require',
      )}: give one requirement: annotation, label, spec, link, description, tag`,
    ],
    [
      'an unknown requirement',
      [withChange({ require: { owner: { kind: 'Group' } } })],
      `${at(
        'require.owner',
      )}: no such requirement; requirements are annotation, label, spec, link, description, tag`,
    ],
    [
      'two requirements',
      [withChange({ require: { description: true, tag: 'java' } })],
      `${at('require')}: give exactly one requirement, not description and tag`,
    ],
    [
      'a bad regular expression',
      [withChange({ require: { annotation: { key: 'a', pattern: '(' } } })],
      `${at('require.annotation.pattern')}: not a valid regular expression`,
    ],
    [
      'an annotation requirement without a key',
      [withChange({ require: { annotation: { pattern: 'x' } } })],
      `${at('require.annotation.key')}: required`,
    ],
    [
      'an unknown key of a requirement',
      [withChange({ require: { label: { key: 'a', value: 'b' } } })],
      `${at(
        'require.label.value',
      )}: unknown key; domainAtlas.customRules[0].require.label accepts key, pattern`,
    ],
    [
      'a spec requirement equal to a mapping',
      [withChange({ require: { spec: { field: 'a', equals: { b: 1 } } } })],
      `${at(
        'require.spec.equals',
      )}: expected a value or a non-empty list of values`,
    ],
    [
      'a link requirement without type or title',
      [withChange({ require: { link: {} } })],
      `${at('require.link')}: give the type, the title or both`,
    ],
    [
      'description: false',
      [withChange({ require: { description: false } })],
      `${at('require.description')}: write \`description: true\``,
    ],
  ])('rejects %s, naming the key', (_, customRules, message) => {
    expect(() => read(customRules)).toThrow(message);
  });

  it('rejects two rules with one id, naming the second', () => {
    expect(() => read([valid, valid])).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[1].id': 'apis-have-lifecycle-label' is already the id of domainAtlas.customRules[0]",
    );
  });

  it("rejects the id of a backend module's rule", () => {
    expect(() => read([valid], ['apis-have-lifecycle-label'])).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].id': 'apis-have-lifecycle-label' is already the id of a rule from a backend module",
    );
  });

  it('leaves type errors to the config reader, which names the key', () => {
    expect(() => read([withChange({ description: 42 })])).toThrow(
      "Invalid type in config for key 'domainAtlas.customRules[0].description' in 'app-config.yaml', got number, wanted string",
    );
  });
});
