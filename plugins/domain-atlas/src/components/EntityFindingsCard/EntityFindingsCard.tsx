import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { FindingsTable } from '../FindingsTable';

const TITLE = 'Domain Atlas findings';

/**
 * The repo-per-domain findings that name this entity (a System, Component,
 * API or Resource), and the domain it belongs to.
 */
export function EntityFindingsCard() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => api.getEntityFindings(ref), [api, ref]);
  return (
    <AsyncContent
      state={state}
      what={`the findings of ${ref}`}
      cardTitle={TITLE}
      minHeight={160}
    >
      {value => (
        <FindingsTable
          // The domain line sits under the title, inside the card: the
          // table's own subtitle takes plain text only.
          title={
            <>
              {TITLE}
              <Typography
                component="span"
                display="block"
                variant="body2"
                color="textSecondary"
              >
                {value.domain ? (
                  <>
                    Domain: <EntityRefLink entityRef={value.domain} />
                  </>
                ) : (
                  'This entity belongs to no domain: give it a system in a domain.'
                )}
              </Typography>
            </>
          }
          findings={value.findings}
        />
      )}
    </AsyncContent>
  );
}
