import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { DomainHealthCard } from '../DomainHealthCard';
import { DomainIsolationCard } from '../DomainIsolationCard';
import { DomainPhaseCard } from '../DomainPhaseCard';
import { FindingsTable } from '../FindingsTable';

/**
 * The "Domain Atlas" tab of a Domain entity page: ownership and health,
 * migration phase, findings and failure isolation.
 */
export function DomainAtlasContent() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getDomain(ref),
    [api, ref],
  );

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(`No data for ${ref}`)} />
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <DomainHealthCard domain={value} />
      </Grid>
      <Grid item xs={12} md={6}>
        <DomainIsolationCard domain={value} />
      </Grid>
      <Grid item xs={12}>
        <FindingsTable title="Findings" findings={value.findings} />
      </Grid>
      <Grid item xs={12} md={6}>
        <DomainPhaseCard domain={value} />
      </Grid>
    </Grid>
  );
}
