import { analyze } from './analyze';
import { computeHealthScore, countFindings } from './score';
import {
  component,
  domain,
  exempt,
  group,
  system,
} from './testing/catalogBuilders';

describe('health score', () => {
  it.each([
    [{ error: 0, warning: 0, info: 0, waived: 3 }, 100],
    [{ error: 1, warning: 1, info: 1, waived: 0 }, 79],
    [{ error: 2, warning: 3, info: 4, waived: 0 }, 51],
    [{ error: 7, warning: 0, info: 0, waived: 0 }, 0],
  ])('%j → %i', (counts, score) => {
    expect(computeHealthScore(counts)).toBe(score);
  });

  it('counts a domain’s unwaived findings by severity and its waived ones apart', () => {
    const report = analyze([
      group('t'),
      domain('d', { owner: 't' }),
      system('s', { domain: 'd' }),
      component('a', { system: 's' }),
      component(
        'b',
        { system: 's' },
        { annotations: exempt('independent-pipeline') },
      ),
    ]);
    const [summary] = report.domains;
    expect(summary.findingCounts).toEqual({
      error: 0,
      warning: 0,
      info: 1,
      waived: 1,
    });
    expect(summary.score).toBe(99);
    expect(countFindings(report.findings)).toEqual(summary.findingCounts);
  });
});
