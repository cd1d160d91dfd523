import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, DomainListItem } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { CsvDownloadButton } from '../CsvDownloadButton';
import {
  FilterBar,
  FilterOption,
  FilterSelect,
  filteredTitle,
  matchesSearch,
  NoMatch,
  SearchField,
} from '../FilterBar';
import { FindingCountsSummary } from '../FindingCountsSummary';
import { PHASE_NAMES, PhaseSummary } from '../PhaseSummary';
import { ScoreGauge } from '../ScoreGauge';
import { DomainTree, DomainTreeRow } from './domainTree';
import { NO_DOMAINS } from './noDomains';

/** Owner filter value for domains without an owner. */
const NO_OWNER = '(none)';

const PHASE_OPTIONS: FilterOption[] = [
  { value: '', label: 'Any phase' },
  ...PHASE_NAMES.map((name, phase) => ({
    value: String(phase),
    label: `${phase} · ${name}`,
  })),
];

const SEVERITY_OPTIONS: FilterOption[] = [
  { value: '', label: 'Any findings' },
  { value: 'error', label: 'Has errors' },
  { value: 'warning', label: 'Has warnings' },
  { value: 'clean', label: 'No errors or warnings' },
];

function matchesSeverity(domain: DomainListItem, filter: string): boolean {
  const { error, warning } = domain.findingCounts;
  switch (filter) {
    case 'error':
      return error > 0;
    case 'warning':
      return warning > 0;
    case 'clean':
      return error === 0 && warning === 0;
    default:
      return true;
  }
}

const ownerName = (ref: string) =>
  humanizeEntityRef(parseEntityRef(ref, { defaultKind: 'group' }), {
    defaultKind: 'group',
  });

// A plain element with an inline indent: the table mounts one cell per
// row, and a Box would create styles per instance.
function DomainCell(props: { domain: DomainTreeRow }) {
  const { domain } = props;
  return (
    <div style={{ paddingLeft: domain.depth * 24 }}>
      <EntityRefLink entityRef={domain.ref} title={domain.title} />
      {domain.depth > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          subdomain of {domain.ancestors.join(' › ')}
        </Typography>
      )}
      {domain.subdomainCount > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          {domain.subdomainCount} subdomain
          {domain.subdomainCount === 1 ? '' : 's'}
        </Typography>
      )}
    </div>
  );
}

function columnsFor(tree: DomainTree): TableColumn<DomainTreeRow>[] {
  return [
    {
      title: 'Domain',
      field: 'title',
      highlight: true,
      customSort: tree.sortBy(domain => domain.title.toLocaleLowerCase()),
      render: domain => <DomainCell domain={domain} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      customSort: tree.sortBy(domain =>
        domain.owner ? ownerName(domain.owner) : '',
      ),
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
      customSort: tree.sortBy(domain => domain.phase.evidence),
      render: domain => <PhaseSummary phase={domain.phase} />,
    },
    {
      title: 'Health',
      field: 'score',
      defaultSort: 'asc',
      customSort: tree.sortBy(domain => domain.score),
      render: domain => <ScoreGauge score={domain.score} />,
    },
    {
      title: 'Findings',
      field: 'findingCounts.error',
      customSort: tree.sortBy(
        // Errors first, then warnings: 2 errors > 1 error and 9 warnings.
        domain =>
          domain.findingCounts.error * 100_000 + domain.findingCounts.warning,
      ),
      render: domain => <FindingCountsSummary counts={domain.findingCounts} />,
    },
    {
      title: 'Repos',
      field: 'repositoryCount',
      type: 'numeric',
      customSort: tree.sortBy(domain => domain.repositoryCount),
    },
  ];
}

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
  'parent',
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
    domain.parent,
  ];
}

/**
 * The table itself, memoised: typing in the search re-renders the filter
 * bar at once and the table only when the (deferred) rows change. Its
 * props are stable between renders, as material-table compares them.
 */
const DomainsTableBody = memo(function DomainsTableBodyInner(props: {
  columns: TableColumn<DomainTreeRow>[];
  rows: DomainTreeRow[];
  total: number;
}) {
  const { columns, rows, total } = props;
  const options = useMemo(
    () => ({
      paging: total > 20,
      pageSize: 20,
      pageSizeOptions: [20, 50, 100],
      search: false,
      draggable: false,
      thirdSortClick: false,
    }),
    [total],
  );
  return (
    <Table<DomainTreeRow>
      title={filteredTitle('Domains', rows.length, total)}
      options={options}
      columns={columns}
      data={rows}
      emptyContent={<NoMatch what="domains" />}
    />
  );
});

function DomainsView(props: { domains: DomainListItem[] }) {
  const { domains } = props;
  const tree = useMemo(() => new DomainTree(domains), [domains]);
  const columns = useMemo(() => columnsFor(tree), [tree]);
  // In the default order (least healthy first, subdomains under their
  // parent) before material-table sorts, so the rows come in tree order
  // however the table is sorted.
  const treeOrdered = useMemo(
    () => [...tree.rows].sort(tree.sortBy(domain => domain.score)),
    [tree],
  );
  const [search, setSearch] = useState('');
  const [owner, setOwner] = useState('');
  const [phase, setPhase] = useState('');
  const [severity, setSeverity] = useState('');
  const query = useDeferredValue(search);

  const ownerOptions = useMemo(() => {
    const owners = [
      ...new Set(domains.flatMap(d => (d.owner ? [d.owner] : []))),
    ]
      .map(ref => ({ value: ref, label: ownerName(ref) }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const unowned = domains.some(d => !d.owner);
    return [
      { value: '', label: 'Any owner' },
      ...owners,
      ...(unowned ? [{ value: NO_OWNER, label: 'Without an owner' }] : []),
    ];
  }, [domains]);

  const filtered = owner !== '' || phase !== '' || severity !== '' || query;
  const shown = useMemo(
    () =>
      treeOrdered.filter(
        domain =>
          (owner === '' ||
            (owner === NO_OWNER ? !domain.owner : domain.owner === owner)) &&
          (phase === '' || String(domain.phase.evidence) === phase) &&
          matchesSeverity(domain, severity) &&
          matchesSearch(
            query,
            domain.title,
            domain.ref,
            domain.owner,
            ...domain.ancestors,
          ),
      ),
    [treeOrdered, owner, phase, severity, query],
  );
  const csvRows = useMemo(() => shown.map(csvRow), [shown]);
  const clear = () => {
    setSearch('');
    setOwner('');
    setPhase('');
    setSeverity('');
  };

  return (
    <>
      <FilterBar
        label="Filter domains"
        end={
          <CsvDownloadButton
            filename="domain-atlas-domains.csv"
            what="domains"
            header={CSV_HEADER}
            rows={csvRows}
          />
        }
      >
        <SearchField
          label="Search domains"
          value={search}
          onChange={setSearch}
        />
        <FilterSelect
          label="Owner team"
          value={owner}
          options={ownerOptions}
          onChange={setOwner}
        />
        <FilterSelect
          label="Phase (evidence)"
          value={phase}
          options={PHASE_OPTIONS}
          onChange={setPhase}
        />
        <FilterSelect
          label="Findings"
          value={severity}
          options={SEVERITY_OPTIONS}
          onChange={setSeverity}
        />
        {filtered && (
          <Button size="small" onClick={clear}>
            Clear filters
          </Button>
        )}
      </FilterBar>
      <DomainsTableBody columns={columns} rows={shown} total={domains.length} />
    </>
  );
}

/**
 * Every domain of the catalog with its owner, phase and health, as the
 * backend reports them: least healthy first, subdomains under their
 * parent, with search, filters by owner, phase and findings, and paging
 * for organisations with thousands of domains.
 */
export function DomainsTable() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.listDomains(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the domains"
      minHeight={600}
      isEmpty={domains => domains.length === 0}
      empty={NO_DOMAINS}
    >
      {domains => <DomainsView domains={domains} />}
    </AsyncContent>
  );
}
