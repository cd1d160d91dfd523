import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { DomainDetail, domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
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
  const state = useAsync(() => api.getDomain(ref), [api, ref]);
  return (
    <AsyncContent state={state} what={ref} minHeight={800}>
      {value => <DomainTab domain={value} />}
    </AsyncContent>
  );
}

function DomainTab(props: { domain: DomainDetail }) {
  const { domain: value } = props;
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
