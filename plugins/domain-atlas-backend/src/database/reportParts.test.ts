import { readReportParts, reportParts } from './reportParts';

describe('reportParts', () => {
  const report = {
    schemaVersion: 1,
    generatedFrom: { entityCount: 3 },
    domains: [{ ref: 'domain:default/a' }, { ref: 'domain:default/b' }],
    findings: Array.from({ length: 1000 }, (_, i) => ({
      id: `rule:${i}`,
      message: 'x'.repeat(i % 50),
    })),
    rules: [],
  };

  it('splits a report into parts of about the given size, in order', async () => {
    const parts = reportParts(report, 2000);
    expect(JSON.parse(parts[0])).toEqual({
      schemaVersion: 1,
      generatedFrom: { entityCount: 3 },
      domains: [],
      findings: [],
      rules: [],
    });
    for (const part of parts.slice(1)) {
      // One item may exceed the size on its own; these do not.
      expect(part.length).toBeLessThanOrEqual(2000 + 20);
    }
    expect(await readReportParts(parts)).toEqual({ value: report });
  });

  it('reads a report stored whole, before parts existed', async () => {
    expect(await readReportParts([JSON.stringify(report)])).toEqual({
      value: report,
    });
  });

  it('reads back 200,000 items without overflowing the call stack', async () => {
    const large = { findings: Array.from({ length: 200_000 }, (_, i) => i) };
    const read = await readReportParts(reportParts(large));
    expect((read as { value: typeof large }).value.findings).toHaveLength(
      200_000,
    );
  });

  it('gives the event loop back while it reads', async () => {
    const large = {
      findings: Array.from({ length: 100_000 }, (_, i) => ({
        id: `f${i}`,
        message: 'a finding message of some length '.repeat(4),
      })),
    };
    const parts = reportParts(large, 16 * 1024);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    await readReportParts(parts);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
  });
});
