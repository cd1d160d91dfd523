import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { FindingsTable } from '../FindingsTable';

/**
 * The repo-per-domain findings that name this entity (a System, Component,
 * API or Resource), and the domain it belongs to.
 */
export function EntityFindingsCard() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityFindings(ref),
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
    <>
      <Typography variant="body2" paragraph>
        {value.domain ? (
          <>
            Domain: <EntityRefLink entityRef={value.domain} />
          </>
        ) : (
          'This entity belongs to no domain: give it a system in a domain.'
        )}
      </Typography>
      <FindingsTable title="Domain Atlas findings" findings={value.findings} />
    </>
  );
}
