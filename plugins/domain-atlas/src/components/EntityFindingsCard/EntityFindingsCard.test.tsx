import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { backendError } from '../../testing/backendError';
import { DomainAtlasWarning } from '../DomainAtlasWarning';
import { EntityFindingsCard } from './EntityFindingsCard';
import { hasDomainAtlasFindings } from '../../conditions';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-orchestrator', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout-squad', lifecycle: 'production' },
};

const finding = (
  rule: string,
  severity: 'error' | 'warning' | 'info',
  waived = false,
) => ({
  id: `${rule}:x`,
  rule,
  severity,
  domain: 'domain:default/checkout',
  entities: ['component:default/checkout-orchestrator'],
  message: `${rule} is broken here`,
  waived,
});

const findings = {
  entity: 'component:default/checkout-orchestrator',
  domain: 'domain:default/checkout',
  findings: [
    finding('no-shared-business-logic', 'error'),
    finding('repo-per-service', 'info'),
    finding('own-datastore', 'error', true),
  ],
};

async function render(element: JSX.Element, api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <EntityProvider entity={component}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityFindingsCard', () => {
  it("shows the entity's domain and the findings naming it", async () => {
    const getEntityFindings = jest.fn().mockResolvedValue(findings);
    await render(<EntityFindingsCard />, { getEntityFindings });

    const domainLink = await screen.findByRole('link', { name: 'checkout' });
    expect(domainLink).toHaveAttribute(
      'href',
      '/catalog/default/domain/checkout',
    );
    // The domain line is part of the card, under its title.
    const card = screen
      .getByText('Domain Atlas findings')
      .closest('[class*="MuiPaper-root"]') as HTMLElement;
    expect(card).toContainElement(domainLink);
    expect(
      screen.getByRole('heading', { name: /^Domain Atlas findings/ }),
    ).toContainElement(domainLink);
    expect(getEntityFindings).toHaveBeenCalledWith(
      'component:default/checkout-orchestrator',
    );
    expect(
      screen.getByText('no-shared-business-logic is broken here'),
    ).toBeInTheDocument();
    expect(screen.getByText('error, waived')).toBeInTheDocument();
  });

  it('says when the entity belongs to no domain', async () => {
    await render(<EntityFindingsCard />, {
      getEntityFindings: jest
        .fn()
        .mockResolvedValue({ ...findings, domain: null, findings: [] }),
    });
    expect(
      await screen.findByText(
        'This entity belongs to no domain: give it a system in a domain.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No findings: this lives by the repo-per-domain rules.'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error in the card's place, under its title", async () => {
    const error = await backendError(
      404,
      'No entity component:default/checkout-orchestrator in the report',
    );
    await render(<EntityFindingsCard />, {
      getEntityFindings: jest.fn().mockRejectedValue(error),
    });

    const message = await screen.findByText(
      'No entity component:default/checkout-orchestrator in the report',
    );
    const card = screen
      .getByText('Domain Atlas findings')
      .closest('[class*="MuiCard-root"]') as HTMLElement;
    expect(card).toContainElement(message);
  });
});

describe('DomainAtlasWarning', () => {
  it('lists the unwaived error and warning findings, not info or waived ones', async () => {
    await render(<DomainAtlasWarning />, {
      getEntityFindings: jest.fn().mockResolvedValue(findings),
    });
    expect(
      await screen.findByText(
        'Error: This entity breaks 1 repo-per-domain rule',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'no-shared-business-logic: no-shared-business-logic is broken here',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/own-datastore/)).not.toBeInTheDocument();
  });
});

describe('hasDomainAtlasFindings', () => {
  const apis = (api: Partial<DomainAtlasApi> | undefined) => ({
    get: (ref: { id: string }) =>
      ref.id === domainAtlasApiRef.id ? api : undefined,
  });

  it('is true only for unwaived error or warning findings', async () => {
    const getEntityFindings = jest.fn().mockResolvedValue(findings);
    expect(
      await hasDomainAtlasFindings(component, {
        apis: apis({ getEntityFindings }) as any,
      }),
    ).toBe(true);

    const onlyInfoAndWaived = {
      ...findings,
      findings: findings.findings.slice(1),
    };
    expect(
      await hasDomainAtlasFindings(component, {
        apis: apis({
          getEntityFindings: jest.fn().mockResolvedValue(onlyInfoAndWaived),
        }) as any,
      }),
    ).toBe(false);
  });

  it('is false when Domain Atlas does not know the entity or cannot be reached', async () => {
    expect(
      await hasDomainAtlasFindings(component, {
        apis: apis({
          getEntityFindings: jest.fn().mockRejectedValue(new Error('404')),
        }) as any,
      }),
    ).toBe(false);
    expect(
      await hasDomainAtlasFindings(component, { apis: apis(undefined) as any }),
    ).toBe(false);
  });
});
