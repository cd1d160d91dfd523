import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, DomainListItem } from '../../api';
import { CsvDownloadButton } from '../CsvDownloadButton';
import { FindingCountsSummary } from '../FindingCountsSummary';
import { PhaseSummary } from '../PhaseSummary';
import { ScoreGauge } from '../ScoreGauge';

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
  {
    title: 'Phase',
    field: 'phase.evidence',
    render: domain => <PhaseSummary phase={domain.phase} />,
  },
  {
    title: 'Health',
    field: 'score',
    defaultSort: 'asc',
    render: domain => <ScoreGauge score={domain.score} />,
  },
  {
    title: 'Findings',
    field: 'findingCounts.error',
    render: domain => <FindingCountsSummary counts={domain.findingCounts} />,
  },
  {
    title: 'Repos',
    field: 'repositoryCount',
    type: 'numeric',
  },
];

const CSV_HEADER = [
  'domain',
  'title',
  'owner',
  'evidence phase',
  'declared phase',
  'target phase',
  'target date',
  'target status',
  'health score',
  'errors',
  'warnings',
  'infos',
  'waived',
  'repositories',
];

function csvRow(domain: DomainListItem) {
  const { phase, findingCounts: counts } = domain;
  return [
    domain.ref,
    domain.title,
    domain.owner,
    phase.evidence,
    phase.declared,
    phase.target,
    phase.targetDate,
    phase.status,
    domain.score,
    counts.error,
    counts.warning,
    counts.info,
    counts.waived,
    domain.repositoryCount,
  ];
}

/**
 * Every domain of the catalog with its owner, phase and health, as the
 * backend reports them; least healthy first.
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
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <CsvDownloadButton
          filename="domain-atlas-domains.csv"
          what="domains"
          header={CSV_HEADER}
          rows={value.map(csvRow)}
        />
      </Box>
      <Table<DomainListItem>
        title={`Domains (${value.length})`}
        options={{ paging: value.length > 20, pageSize: 20, search: true }}
        columns={columns}
        data={value}
      />
    </>
  );
}
