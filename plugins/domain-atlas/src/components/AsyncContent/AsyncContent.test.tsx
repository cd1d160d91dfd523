import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { backendError } from '../../testing/backendError';
import { AsyncContent } from './AsyncContent';

const empty = {
  title: 'No domains yet',
  description: 'Add Domain entities to the catalog.',
};

describe('AsyncContent', () => {
  it('keeps the space of the content free while loading, with a labelled progress bar', async () => {
    await renderInTestApp(
      <AsyncContent<string[]>
        state={{ loading: true }}
        what="the domains"
        minHeight={300}
      >
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    const busy = screen.getByTestId('progress').parentElement!;
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(busy).toHaveStyle({ minHeight: '300px' });
    // Backstage's Progress shows its bar after a short delay.
    expect(
      await screen.findByRole('progressbar', { name: 'Loading the domains' }),
    ).toBeInTheDocument();
  });

  it('shows the loading state inside the card the content will show in', async () => {
    await renderInTestApp(
      <AsyncContent<string[]>
        state={{ loading: true }}
        what="the findings"
        cardTitle="Domain Atlas findings"
      >
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    expect(screen.getByText('Domain Atlas findings')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading the findings' }),
    ).toBeInTheDocument();
  });

  it("shows the backend's error", async () => {
    const error = await backendError(503, 'The catalog cannot be read');
    await renderInTestApp(
      <AsyncContent<string[]>
        state={{ loading: false, error }}
        what="the domains"
      >
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    expect(screen.getByText('The catalog cannot be read')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it('shows the empty state when the answer holds nothing to show', async () => {
    await renderInTestApp(
      <AsyncContent<string[]>
        state={{ loading: false, value: [] }}
        what="the domains"
        empty={empty}
        isEmpty={value => value.length === 0}
      >
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    expect(screen.getByText('No domains yet')).toBeInTheDocument();
    expect(
      screen.getByText('Add Domain entities to the catalog.'),
    ).toBeInTheDocument();
  });

  it('says so when the backend sent nothing and there is no empty state', async () => {
    await renderInTestApp(
      <AsyncContent<string[]> state={{ loading: false }} what="domain">
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    expect(
      screen.getByText('The Domain Atlas backend sent no domain.'),
    ).toBeInTheDocument();
  });

  it('shows the content once the answer has arrived', async () => {
    await renderInTestApp(
      <AsyncContent<string[]>
        state={{ loading: false, value: ['Orders', 'Payments'] }}
        what="the domains"
        empty={empty}
        isEmpty={value => value.length === 0}
      >
        {value => <p>{value.join(', ')}</p>}
      </AsyncContent>,
    );

    expect(screen.getByText('Orders, Payments')).toBeInTheDocument();
    expect(screen.queryByText('No domains yet')).not.toBeInTheDocument();
  });
});
