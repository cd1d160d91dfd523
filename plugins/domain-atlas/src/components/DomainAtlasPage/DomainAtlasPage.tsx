import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { ContractsTable } from '../ContractsTable';
import { DomainsTable } from '../DomainsTable';
import { IsolationMatrix } from '../IsolationMatrix';
import { MigrationBoard } from '../MigrationBoard';
import { OwnershipMatrix } from '../OwnershipMatrix';
import { RulesOverview } from '../RulesOverview';

/**
 * The organisation page of Domain Atlas: domains, the team ownership
 * matrix, the migration board, the contract catalogue, rule findings and
 * failure isolation, one deep-linkable tab each.
 */
export function DomainAtlasPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Domain Atlas"
        subtitle="Who owns which domain, and how far each domain has come"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Domains">
          <DomainsTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/teams" title="Teams">
          <OwnershipMatrix />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/migration" title="Migration">
          <MigrationBoard />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/contracts" title="Contracts">
          <ContractsTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/rules" title="Rules">
          <RulesOverview />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/isolation" title="Failure isolation">
          <IsolationMatrix />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
