import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { DomainDetail, domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { DomainContractsTable } from '../DomainContractsTable';
import { DomainHealthCard } from '../DomainHealthCard';
import { DomainIsolationCard } from '../DomainIsolationCard';
import { DomainPhaseCard } from '../DomainPhaseCard';
import { FindingsTable } from '../FindingsTable';
import { ScoreHistoryChart } from '../ScoreHistoryChart';

/**
 * The "Domain Atlas" tab of a Domain entity page: ownership and health
 * with the score's history, findings, migration phase, failure isolation
 * and the domain's contracts.
 */
export function DomainAtlasContent() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => api.getDomain(ref), [api, ref]);
  return (
    <AsyncContent state={state} what={ref} minHeight={800}>
      {value => <DomainTab domain={value} />}
    </AsyncContent>
  );
}

function DomainTab(props: { domain: DomainDetail }) {
  const { domain } = props;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <DomainHealthCard domain={domain} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Score history"
          subheader="Health score and unwaived errors and warnings at each refresh"
        >
          <ScoreHistoryChart history={domain.history} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <FindingsTable title="Findings" findings={domain.findings} />
      </Grid>
      <Grid item xs={12} md={6}>
        <DomainPhaseCard domain={domain} />
      </Grid>
      <Grid item xs={12} md={6}>
        <DomainIsolationCard domain={domain} />
      </Grid>
      <Grid item xs={12}>
        <DomainContractsTable contracts={domain.contracts} />
      </Grid>
    </Grid>
  );
}
