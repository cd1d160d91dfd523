import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EntityRefList } from './EntityRefList';

describe('EntityRefList', () => {
  it('links each entity to its page, one per line', async () => {
    await renderInTestApp(
      <EntityRefList
        aria-label="Entities"
        entityRefs={[
          'component:default/payments-reconciliation',
          'resource:default/acme-legacy-db',
        ]}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const items = within(
      screen.getByRole('list', { name: 'Entities' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(
      within(items[0]).getByRole('link', { name: 'payments-reconciliation' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-reconciliation',
    );
    expect(
      within(items[1]).getByRole('link', { name: 'acme-legacy-db' }),
    ).toHaveAttribute('href', '/catalog/default/resource/acme-legacy-db');
  });

  it('lets a long ref break after its colon and slash, not mid-word', async () => {
    await renderInTestApp(
      <EntityRefList
        defaultKind="group"
        entityRefs={['component:platform/marketing-email-sender']}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const link = screen.getByRole('link', {
      name: 'component:platform/marketing-email-sender',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/platform/component/marketing-email-sender',
    );
    // A line-break opportunity after `component:` and after `platform/`.
    const breaks = link.querySelectorAll('wbr');
    expect(breaks).toHaveLength(2);
    expect(breaks[0].previousSibling?.textContent).toBe('component:');
    expect(breaks[1].previousSibling?.textContent).toBe('platform/');
  });
});
