import { readStoredReport } from './readStoredReport';

const valid = {
  schemaVersion: 1,
  generatedFrom: { entityCount: 1, now: null },
  unassigned: { systems: [], components: [], apis: [], resources: [] },
  domains: [{ ref: 'domain:default/orders' }],
  findings: [],
  dependencies: [],
  isolation: [],
  blastRadius: [],
  teams: [],
  repositories: [],
  contracts: [],
  rules: [],
  waivers: [],
};

describe('readStoredReport', () => {
  it('reads a report of the expected shape', () => {
    expect(readStoredReport(JSON.stringify(valid))).toEqual({ report: valid });
  });

  it('reads a report stored before waivers were listed as one without waivers', () => {
    const { waivers, ...older } = valid;
    expect(waivers).toEqual([]);
    expect(readStoredReport(JSON.stringify(older))).toEqual({
      report: { ...older, waivers: [] },
    });
  });

  it.each([
    ['{"schemaVersion":1,', 'not valid JSON'],
    ['[]', 'not a report object'],
    ['null', 'not a report object'],
    ['{}', 'no schema version'],
    [
      JSON.stringify({ ...valid, schemaVersion: 2 }),
      'schema version 2 where this backend reads 1',
    ],
    [
      JSON.stringify({ ...valid, findings: {}, unassigned: null }),
      'missing or malformed unassigned, findings',
    ],
    [JSON.stringify({ ...valid, waivers: {} }), 'missing or malformed waivers'],
    [
      JSON.stringify({ ...valid, domains: [{ title: 'Orders' }] }),
      'a domain without a ref',
    ],
  ])('tells what is wrong with %s', (json, problem) => {
    expect(readStoredReport(json)).toEqual({ problem });
  });
});
