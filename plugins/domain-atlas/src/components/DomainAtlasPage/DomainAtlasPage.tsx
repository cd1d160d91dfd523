import { Content, Header, Page } from '@backstage/core-components';
import { DomainsTable } from '../DomainsTable';

/**
 * The organisation page of Domain Atlas.
 */
export function DomainAtlasPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Domain Atlas"
        subtitle="Who owns which domain, and how far each domain has come"
      />
      <Content>
        <DomainsTable />
      </Content>
    </Page>
  );
}
