import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { DomainPhase } from '@domain-atlas/plugin-domain-atlas-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DomainAtlasApi,
  domainAtlasApiRef,
  MigrationOverview,
} from '../../api';
import { backendError } from '../../testing/backendError';
import { captureDownloads } from '../../testing/captureDownloads';
import { MigrationBoard } from './MigrationBoard';

function phase(overrides: Partial<DomainPhase>): DomainPhase {
  return {
    evidence: 0,
    declared: null,
    declaredValid: null,
    target: null,
    targetDate: null,
    daysToTarget: null,
    status: 'none',
    stranglerCoverage: null,
    decommissionReady: null,
    criteria: [],
    playbook: {
      extracted: false,
      publishesEvents: false,
      dbJoinsCut: false,
      deploysIndependently: false,
    },
    ...overrides,
  };
}

const migration: MigrationOverview = {
  phases: {
    '0': ['domain:default/coupons'],
    '1': [],
    '2': ['domain:default/payments'],
    '3': ['domain:default/orders'],
  },
  domains: [
    {
      ref: 'domain:default/coupons',
      title: 'Coupons',
      owner: 'group:default/legacy-team',
      phase: phase({
        declared: 1,
        target: 1,
        targetDate: '2026-09-30',
        status: 'overdue',
      }),
    },
    {
      ref: 'domain:default/orders',
      title: 'Orders',
      owner: 'group:default/orders-team',
      phase: phase({
        evidence: 3,
        declared: 3,
        target: 3,
        targetDate: '2026-06-30',
        status: 'on-track',
        stranglerCoverage: 97,
        decommissionReady: true,
        playbook: {
          extracted: true,
          publishesEvents: true,
          dbJoinsCut: true,
          deploysIndependently: true,
        },
      }),
    },
    {
      ref: 'domain:default/payments',
      title: 'Payments',
      owner: 'group:default/payments-team',
      phase: phase({
        evidence: 2,
        declared: 3,
        target: 3,
        targetDate: '2026-12-15',
        status: 'at-risk',
        stranglerCoverage: 62,
        decommissionReady: false,
        playbook: {
          extracted: true,
          publishesEvents: true,
          dbJoinsCut: false,
          deploysIndependently: true,
        },
      }),
    },
  ],
  burnUp: [
    {
      recordedAt: '2026-11-21T10:00:00.000Z',
      phase0: 1,
      phase1: 0,
      phase2: 1,
      phase3: 1,
    },
  ],
};

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <MigrationBoard />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('MigrationBoard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('puts each domain in the column of its evidence phase', async () => {
    const getMigration = jest.fn().mockResolvedValue(migration);
    await renderWith({ getMigration });

    const column = async (name: string) =>
      screen.findByRole('region', { name: `Phase ${name}` });
    const physical = await column('3 · Physical repo split');
    expect(
      within(physical).getByText('3 · Physical repo split (1)'),
    ).toBeInTheDocument();
    expect(
      within(physical).getByRole('link', { name: 'Orders' }),
    ).toHaveAttribute('href', '/catalog/default/domain/orders');
    expect(
      within(await column('1 · Domain ownership')).getByText(
        'No domain in this phase.',
      ),
    ).toBeInTheDocument();
    expect(
      within(await column('0 · Monorepo')).getByRole('link', {
        name: 'Coupons',
      }),
    ).toBeInTheDocument();
    expect(getMigration).toHaveBeenCalledTimes(1);
  });

  it('shows owner, declared vs evidence, target status, playbook and strangler coverage', async () => {
    await renderWith({ getMigration: jest.fn().mockResolvedValue(migration) });

    const payments = await screen.findByRole('article', { name: 'Payments' });
    expect(
      within(payments).getByRole('link', { name: 'payments-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-team');
    expect(
      within(payments).getByText('Declared 3, evidence 2'),
    ).toBeInTheDocument();
    expect(
      within(payments).getByText('Target 3 by 2026-12-15'),
    ).toBeInTheDocument();
    expect(within(payments).getByText('at risk')).toBeInTheDocument();
    expect(
      within(payments).getByLabelText('Step 3, Database joins cut: not yet'),
    ).toBeInTheDocument();
    expect(
      within(payments).getByLabelText(
        'Step 1, Extracted into its own repo: done',
      ),
    ).toBeInTheDocument();
    expect(
      within(payments).getByText(
        'Strangler coverage 62% (decommission at 95%)',
      ),
    ).toBeInTheDocument();

    const orders = screen.getByRole('article', { name: 'Orders' });
    expect(
      within(orders).getByText(
        'Strangler coverage 97% (decommission at 95%): ready to decommission',
      ),
    ).toBeInTheDocument();

    const coupons = screen.getByRole('article', { name: 'Coupons' });
    expect(within(coupons).getByText('overdue')).toBeInTheDocument();
    // Far from phase 3: no playbook.
    expect(within(coupons).queryByText(/Publishes events/)).toBeNull();
  });

  it('draws the burn-up, even from a single refresh', async () => {
    await renderWith({ getMigration: jest.fn().mockResolvedValue(migration) });

    expect(
      await screen.findByRole('img', {
        name: /^Burn-up of domains per phase; latest, 2026-11-21: 1 in phase 3, 1 in phase 2, 0 in phase 1, 1 in phase 0$/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^One refresh recorded so far/),
    ).toBeInTheDocument();
  });

  it('downloads the board as CSV', async () => {
    const downloads = captureDownloads();
    await renderWith({ getMigration: jest.fn().mockResolvedValue(migration) });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download the migration board as CSV',
      }),
    );

    const lines = (await downloads[0].blob.text()).split('\r\n');
    expect(downloads[0].filename).toBe('domain-atlas-migration.csv');
    expect(lines).toContain(
      'domain:default/payments,Payments,group:default/payments-team,2,3,3,2026-12-15,at-risk,true,true,false,true,62,false',
    );
  });

  it('says when there are no domains', async () => {
    await renderWith({
      getMigration: jest.fn().mockResolvedValue({
        phases: { '0': [], '1': [], '2': [], '3': [] },
        domains: [],
        burnUp: [],
      }),
    });
    expect(
      await screen.findByText('No domains to track yet'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(500, 'store unavailable');
    await renderWith({ getMigration: jest.fn().mockRejectedValue(error) });
    expect(await screen.findByText('store unavailable')).toBeInTheDocument();
  });
});
