import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, TeamDetail, TeamDomain } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { FindingCountsSummary } from '../FindingCountsSummary';
import { PhaseSummary } from '../PhaseSummary';
import { ScoreGauge } from '../ScoreGauge';

const columns: TableColumn<TeamDomain>[] = [
  {
    title: 'Domain',
    field: 'title',
    render: domain => (
      <>
        <EntityRefLink entityRef={domain.ref} title={domain.title} />
        {domain.via === 'sub-team' && domain.through && (
          <Typography variant="caption" display="block" color="textSecondary">
            via <EntityRefLink entityRef={domain.through} defaultKind="group" />
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Phase',
    field: 'phase.evidence',
    render: domain => <PhaseSummary phase={domain.phase} />,
  },
  {
    title: 'Health',
    field: 'score',
    render: domain => <ScoreGauge score={domain.score} />,
  },
  {
    title: 'Findings',
    field: 'findingCounts.error',
    render: domain => <FindingCountsSummary counts={domain.findingCounts} />,
  },
];

/**
 * The domains a group owns, with their phase and health; by default
 * including those its sub-teams own, or only its own.
 */
export function OwnedDomainsCard() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => api.getTeam(ref), [api, ref]);
  return (
    <AsyncContent
      state={state}
      what={`the domains ${ref} owns`}
      cardTitle="Owned domains"
      minHeight={160}
    >
      {value => <OwnedDomains team={value} />}
    </AsyncContent>
  );
}

function OwnedDomains(props: { team: TeamDetail }) {
  const { team: value } = props;
  const [aggregated, setAggregated] = useState(true);
  const domains = aggregated
    ? value.domains
    : value.domains.filter(domain => domain.via === 'direct');
  return (
    <Table<TeamDomain>
      title="Owned domains"
      subtitle={`${domains.length} of ${value.domains.length}`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={domains}
      actions={[
        {
          icon: () => (
            <FormControlLabel
              control={
                <Switch
                  checked={aggregated}
                  onChange={event => setAggregated(event.target.checked)}
                  inputProps={{ 'aria-label': 'Include sub-teams' }}
                />
              }
              label="Include sub-teams"
            />
          ),
          isFreeAction: true,
          onClick: () => setAggregated(current => !current),
          tooltip: 'Show domains owned through sub-teams too',
        },
      ]}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {aggregated
            ? 'This group owns no domain, directly or through its sub-teams.'
            : 'This group owns no domain directly.'}
        </Typography>
      }
    />
  );
}
