import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type { DomainHistoryPoint } from '../../api';
import { ScoreHistoryChart } from './ScoreHistoryChart';

const point = (
  recordedAt: string,
  score: number,
  errors: number,
  warnings: number,
): DomainHistoryPoint => ({
  recordedAt,
  evidencePhase: 2,
  declaredPhase: 3,
  score,
  errors,
  warnings,
  infos: 0,
  waived: 1,
});

describe('ScoreHistoryChart', () => {
  it('draws the score, errors and warnings over the refreshes', async () => {
    const { container } = await renderInTestApp(
      <ScoreHistoryChart
        history={[
          point('2026-10-01T10:00:00.000Z', 40, 3, 2),
          point('2026-11-01T10:00:00.000Z', 55, 2, 1),
          point('2026-11-21T10:00:00.000Z', 70, 1, 0),
        ]}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Health score history, 3 refreshes from 2026-10-01 to 2026-11-21; latest: score 70, 1 error, 0 warnings',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '3 refreshes from 2026-10-01 to 2026-11-21. Score from 40 to 70; latest: score 70, 1 error, 0 warnings.',
      ),
    ).toBeInTheDocument();
    // The legend names the three series, and each has a line.
    expect(screen.getByText('Health score')).toBeInTheDocument();
    expect(screen.getByText('Errors')).toBeInTheDocument();
    expect(screen.getByText('Warnings')).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(3);
    // The refreshes on the time axis, the score axis up to 100.
    expect(screen.getByText('2026-10-01 10:00')).toBeInTheDocument();
    expect(screen.getByText('100')).toBeInTheDocument();
  });

  it('says so instead of drawing a single point', async () => {
    const { container } = await renderInTestApp(
      <ScoreHistoryChart
        history={[point('2026-11-21T10:00:00.000Z', 70, 1, 0)]}
      />,
    );

    expect(
      screen.getByText('Only one refresh recorded so far'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'On 2026-11-21: score 70, 1 error, 0 warnings. The chart grows with each refresh of the report.',
      ),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
  });

  it('says when there is no history yet', async () => {
    await renderInTestApp(<ScoreHistoryChart history={[]} />);

    expect(screen.getByText('No history yet')).toBeInTheDocument();
    expect(
      screen.getByText('The chart grows with each refresh of the report.'),
    ).toBeInTheDocument();
  });
});
