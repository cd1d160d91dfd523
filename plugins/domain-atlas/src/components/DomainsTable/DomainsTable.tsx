import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, DomainListItem } from '../../api';

const columns: TableColumn<DomainListItem>[] = [
  {
    title: 'Domain',
    field: 'title',
    highlight: true,
    render: domain => (
      <EntityRefLink entityRef={domain.ref} title={domain.title} />
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: domain =>
      domain.owner ? (
        <EntityRefLink entityRef={domain.owner} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="error">
          No owner
        </Typography>
      ),
  },
];

/**
 * Every domain of the catalog with its owner, as the backend reports them.
 */
export function DomainsTable() {
  const api = useApi(domainAtlasApiRef);
  const { value, loading, error } = useAsync(() => api.listDomains(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No domains yet"
        description="Domain Atlas found no Domain entities in the software catalog. Add `kind: Domain` entities and give them an owner to see them here."
      />
    );
  }
  return (
    <Table<DomainListItem>
      title={`Domains (${value.length})`}
      options={{ paging: value.length > 20, pageSize: 20, search: true }}
      columns={columns}
      data={value}
    />
  );
}
