import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { DomainDetail } from '../../api';
import { FindingCountsSummary } from '../FindingCountsSummary';
import { ScoreGauge } from '../ScoreGauge';

/** Who owns a domain and how healthy it is by the repo-per-domain rules. */
export function DomainHealthCard(props: { domain: DomainDetail }) {
  const { domain } = props;
  return (
    <InfoCard title="Ownership and health">
      <StructuredMetadataTable
        metadata={{
          owner: domain.owner ? (
            <EntityRefLink entityRef={domain.owner} defaultKind="group" />
          ) : (
            <Typography variant="body2" color="error">
              No owner
            </Typography>
          ),
          'health score': <ScoreGauge score={domain.score} />,
          findings: <FindingCountsSummary counts={domain.findingCounts} />,
          repositories:
            domain.repositories.map(repository => repository.id).join(', ') ||
            'none known',
          members: `${domain.members.systems.length} systems, ${domain.members.components.length} components, ${domain.members.apis.length} APIs, ${domain.members.resources.length} resources`,
        }}
      />
    </InfoCard>
  );
}
