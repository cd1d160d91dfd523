import { WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';

/**
 * An info bar for the top of an entity page when the entity breaks a
 * repo-per-domain rule (unwaived error or warning findings). Renders
 * nothing otherwise; pair it with `hasDomainAtlasFindings` in an
 * `EntitySwitch`, as Backstage does for relation warnings.
 */
export function DomainAtlasWarning() {
  const { entity } = useEntity();
  const api = useApi(domainAtlasApiRef);
  const ref = stringifyEntityRef(entity);
  const { value } = useAsync(() => api.getEntityFindings(ref), [api, ref]);
  const breaking = (value?.findings ?? []).filter(
    finding => !finding.waived && finding.severity !== 'info',
  );
  if (breaking.length === 0) {
    return null;
  }
  return (
    <WarningPanel
      severity={
        breaking.some(f => f.severity === 'error') ? 'error' : 'warning'
      }
      title={`This entity breaks ${breaking.length} repo-per-domain rule${
        breaking.length === 1 ? '' : 's'
      }`}
    >
      <ul>
        {breaking.map(finding => (
          <li key={finding.id}>
            {finding.rule}: {finding.message}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
