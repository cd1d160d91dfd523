import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BurnUpChart } from './BurnUpChart';

const point = (recordedAt: string, phases: number[]) => ({
  recordedAt,
  phase0: phases[0],
  phase1: phases[1],
  phase2: phases[2],
  phase3: phases[3],
});

describe('BurnUpChart', () => {
  it('describes the latest point of a history for screen readers', async () => {
    await renderInTestApp(
      <BurnUpChart
        points={[
          point('2026-10-01T10:00:00.000Z', [4, 3, 4, 1]),
          point('2026-11-21T10:00:00.000Z', [3, 2, 5, 2]),
        ]}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Burn-up of domains per phase; latest, 2026-11-21: 2 in phase 3, 5 in phase 2, 2 in phase 1, 3 in phase 0',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^2 refreshes from 2026-10-01 to 2026-11-21/),
    ).toBeInTheDocument();
  });

  it('says when only one refresh is recorded', async () => {
    await renderInTestApp(
      <BurnUpChart
        points={[point('2026-11-21T10:00:00.000Z', [3, 2, 5, 2])]}
      />,
    );

    expect(
      screen.getByText(/^One refresh recorded so far \(2026-11-21\)/),
    ).toBeInTheDocument();
  });

  it('says when there is no history yet', async () => {
    await renderInTestApp(<BurnUpChart points={[]} />);

    expect(
      screen.getByText('No history yet: the burn-up grows with each refresh.'),
    ).toBeInTheDocument();
  });
});
