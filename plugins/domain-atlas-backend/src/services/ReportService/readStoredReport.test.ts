import { reportParts } from '../../database/reportParts';
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
  it('reads a report of the expected shape', async () => {
    expect(await readStoredReport([JSON.stringify(valid)])).toEqual({
      report: valid,
    });
  });

  it('reads a report stored in parts as the same report', async () => {
    const large = {
      ...valid,
      findings: Array.from({ length: 5000 }, (_, i) => ({ id: `f${i}` })),
    };
    const parts = reportParts(large, 4096);
    expect(parts.length).toBeGreaterThan(10);
    expect(await readStoredReport(parts)).toEqual({ report: large });
  });

  it('reads a report stored before waivers were listed as one without waivers', async () => {
    const { waivers, ...older } = valid;
    expect(waivers).toEqual([]);
    expect(await readStoredReport([JSON.stringify(older)])).toEqual({
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
  ])('tells what is wrong with %s', async (json, problem) => {
    expect(await readStoredReport([json])).toEqual({ problem });
  });

  it('tells which part of a report in parts is wrong', async () => {
    const parts = reportParts(valid);
    expect(
      await readStoredReport([...parts, '{"findings":[{"id":"f1"}', '[]']),
    ).toEqual({ problem: `part ${parts.length} is not valid JSON` });
    expect(await readStoredReport([...parts, '{"schemaVersion":[1]}'])).toEqual(
      {
        problem: `part ${parts.length} adds to schemaVersion, which is no list`,
      },
    );
  });
});
