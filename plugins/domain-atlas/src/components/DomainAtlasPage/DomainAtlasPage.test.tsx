import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { DomainAtlasPage } from './DomainAtlasPage';

function fakeApi(): jest.Mocked<Partial<DomainAtlasApi>> {
  return {
    listDomains: jest.fn().mockResolvedValue([]),
    getTeams: jest.fn().mockResolvedValue({ teams: [], domains: [] }),
    getMigration: jest.fn().mockResolvedValue({
      phases: { '0': [], '1': [], '2': [], '3': [] },
      domains: [],
      burnUp: [],
    }),
    listContracts: jest.fn().mockResolvedValue([]),
    listRules: jest.fn().mockResolvedValue([]),
    listFindings: jest.fn().mockResolvedValue([]),
    getIsolation: jest.fn().mockResolvedValue({
      domains: [],
      titles: {},
      entries: [],
      blastRadius: [],
    }),
  };
}

function renderAt(path: string, api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <Routes>
        <Route path="/domain-atlas/*" element={<DomainAtlasPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('DomainAtlasPage', () => {
  it('opens on the Domains tab and offers the other tabs as links', async () => {
    const api = fakeApi();
    await renderAt('/domain-atlas', api);

    expect(await screen.findByText('No domains yet')).toBeInTheDocument();
    // A catalog without domains is told how to add one.
    expect(
      screen.getByText(/A component joins a domain through its System/),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Domains' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Teams' })).toHaveAttribute(
      'href',
      '/domain-atlas/teams',
    );
    expect(
      screen.getByRole('tab', { name: 'Failure isolation' }),
    ).toHaveAttribute('href', '/domain-atlas/isolation');
    expect(api.listDomains).toHaveBeenCalledTimes(1);
    expect(api.getTeams).not.toHaveBeenCalled();
  });

  it.each([
    ['/domain-atlas/teams', 'Teams', 'No teams or domains yet', 'getTeams'],
    [
      '/domain-atlas/migration',
      'Migration',
      'No domains to track yet',
      'getMigration',
    ],
    [
      '/domain-atlas/contracts',
      'Contracts',
      'No contracts yet',
      'listContracts',
    ],
    ['/domain-atlas/rules', 'Rules', 'No rules configured', 'listRules'],
    [
      '/domain-atlas/isolation',
      'Failure isolation',
      'No domains yet',
      'getIsolation',
    ],
  ] as const)(
    'deep-links %s to the %s tab',
    async (path, tab, text, method) => {
      const api = fakeApi();
      await renderAt(path, api);

      expect(await screen.findByText(text)).toBeInTheDocument();
      expect(screen.getByRole('tab', { name: tab })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      expect(api[method]).toHaveBeenCalledTimes(1);
      expect(api.listDomains).not.toHaveBeenCalled();
    },
  );

  it('switches tabs by following the tab links', async () => {
    const api = fakeApi();
    await renderAt('/domain-atlas', api);
    await screen.findByText('No domains yet');

    await userEvent.click(screen.getByRole('tab', { name: 'Migration' }));

    expect(
      await screen.findByText('No domains to track yet'),
    ).toBeInTheDocument();
    expect(api.getMigration).toHaveBeenCalledTimes(1);
  });
});
