import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import type { ContractListItem } from '@domain-atlas/plugin-domain-atlas-common';
import Typography from '@material-ui/core/Typography';
import {
  CSSProperties,
  memo,
  useDeferredValue,
  useMemo,
  useState,
} from 'react';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { ChangeClassChip } from '../ChangeClassChip';
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

/** The change-class filter: a class, `needs-major`, `none` or '' (any). */
const CHANGE_OPTIONS: FilterOption[] = [
  { value: '', label: 'Any change' },
  { value: 'breaking', label: 'Breaking' },
  { value: 'needs-major', label: 'Breaking, needs a major version' },
  { value: 'non-breaking', label: 'Non-breaking' },
  { value: 'unclassified', label: 'Unclassified' },
  { value: 'none', label: 'No change recorded' },
];

/** Filter value for contracts in no domain. */
const NO_DOMAIN = '(none)';

function matchesChange(contract: ContractListItem, filter: string): boolean {
  const change = contract.latestChange;
  switch (filter) {
    case '':
      return true;
    case 'none':
      return change === null;
    case 'needs-major':
      return change?.needsMajor === true;
    default:
      return change?.classification === filter;
  }
}

const domainName = (ref: string) =>
  humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'domain' });

/**
 * Cells of nine columns that fit a laptop screen: little padding, text
 * broken at spaces and hyphens only (never mid-word), short values (types,
 * versions, lifecycles) on one line. A new object per column, as the
 * Table adds to the style of a highlighted column.
 */
const cell = (oneLine = false): CSSProperties => ({
  padding: '8px 10px',
  wordBreak: 'normal',
  overflowWrap: 'normal',
  ...(oneLine ? { whiteSpace: 'nowrap' } : {}),
});
const header = (): CSSProperties => ({ padding: '8px 10px' });

const columns: TableColumn<ContractListItem>[] = [
  {
    title: 'Domain',
    field: 'domain',
    cellStyle: cell(),
    headerStyle: header(),
    render: contract =>
      contract.domain ? (
        <EntityRefLink
          entityRef={contract.domain}
          defaultKind="domain"
          hideIcon
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          none
        </Typography>
      ),
  },
  {
    title: 'Contract',
    field: 'title',
    highlight: true,
    cellStyle: cell(),
    headerStyle: header(),
    render: contract => (
      <EntityRefLink entityRef={contract.ref} title={contract.title} />
    ),
  },
  {
    title: 'Type',
    field: 'type',
    emptyValue: '—',
    cellStyle: cell(true),
    headerStyle: header(),
  },
  {
    title: 'Version',
    field: 'version',
    cellStyle: cell(true),
    headerStyle: header(),
    render: contract =>
      contract.version ?? (
        <Typography variant="body2" color="error">
          unknown
        </Typography>
      ),
  },
  {
    title: 'Family',
    field: 'family',
    cellStyle: cell(),
    headerStyle: header(),
  },
  {
    title: 'Lifecycle',
    field: 'lifecycle',
    emptyValue: '—',
    cellStyle: cell(true),
    headerStyle: header(),
  },
  {
    title: 'Consumers',
    field: 'consumerCount',
    type: 'numeric',
    cellStyle: cell(),
    headerStyle: header(),
  },
  {
    title: 'Unsatisfied pins',
    field: 'unsatisfiedPins',
    type: 'numeric',
    cellStyle: cell(),
    headerStyle: header(),
    render: contract => (
      <Typography
        variant="body2"
        color={contract.unsatisfiedPins > 0 ? 'error' : 'textPrimary'}
      >
        {contract.unsatisfiedPins}
      </Typography>
    ),
  },
  {
    title: 'Latest change',
    field: 'latestChange.classification',
    cellStyle: cell(),
    headerStyle: header(),
    render: ({ latestChange: change }) =>
      change ? (
        <>
          <ChangeClassChip
            classification={change.classification}
            needsMajor={change.needsMajor}
            compact
          />
          <Typography variant="caption" color="textSecondary" display="block">
            {change.fromVersion ?? 'unknown'} → {change.toVersion ?? 'unknown'},{' '}
            {change.at.slice(0, 10)}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          none recorded
        </Typography>
      ),
  },
];

const CSV_HEADER = [
  'domain',
  'contract',
  'title',
  'type',
  'version',
  'family',
  'lifecycle',
  'consumers',
  'unsatisfied pins',
  'latest change',
  'needs major',
  'from version',
  'to version',
  'changed at',
];

function csvRow(contract: ContractListItem) {
  const change = contract.latestChange;
  return [
    contract.domain,
    contract.ref,
    contract.title,
    contract.type,
    contract.version,
    contract.family,
    contract.lifecycle,
    contract.consumerCount,
    contract.unsatisfiedPins,
    change?.classification,
    change?.needsMajor,
    change?.fromVersion,
    change?.toVersion,
    change?.at,
  ];
}

/**
 * The table itself, memoised: typing in the search re-renders the filter
 * bar at once and the table only when the (deferred) rows change.
 */
const ContractsTableBody = memo(function ContractsTableBodyInner(props: {
  rows: ContractListItem[];
  total: number;
}) {
  const { rows, total } = props;
  const options = useMemo(
    () => ({
      paging: rows.length > 20,
      pageSize: 20,
      pageSizeOptions: [20, 50, 100],
      search: false,
      draggable: false,
      padding: 'dense' as const,
    }),
    [rows.length],
  );
  return (
    <Table<ContractListItem>
      title={filteredTitle('Contracts', rows.length, total)}
      options={options}
      columns={columns}
      data={rows}
      emptyContent={<NoMatch what="contracts" />}
    />
  );
});

function ContractsView(props: { contracts: ContractListItem[] }) {
  const { contracts } = props;
  const [search, setSearch] = useState('');
  const [domain, setDomain] = useState('');
  const [type, setType] = useState('');
  const [change, setChange] = useState('');
  const query = useDeferredValue(search);

  const domainOptions = useMemo(() => {
    const refs = [
      ...new Set(contracts.flatMap(c => (c.domain ? [c.domain] : []))),
    ];
    const options = refs
      .map(ref => ({ value: ref, label: domainName(ref) }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const hasNone = contracts.some(c => !c.domain);
    return [
      { value: '', label: 'All domains' },
      ...options,
      ...(hasNone ? [{ value: NO_DOMAIN, label: 'No domain' }] : []),
    ];
  }, [contracts]);
  const typeOptions = useMemo(
    () => [
      { value: '', label: 'All types' },
      ...[...new Set(contracts.map(c => c.type ?? ''))]
        .filter(Boolean)
        .sort()
        .map(value => ({ value, label: value })),
    ],
    [contracts],
  );

  const shown = useMemo(
    () =>
      contracts.filter(
        contract =>
          (domain === '' ||
            (domain === NO_DOMAIN
              ? !contract.domain
              : contract.domain === domain)) &&
          (type === '' || contract.type === type) &&
          matchesChange(contract, change) &&
          matchesSearch(
            query,
            contract.title,
            contract.ref,
            contract.family,
            contract.domain,
            contract.type,
            contract.version,
            contract.lifecycle,
          ),
      ),
    [contracts, domain, type, change, query],
  );
  const csvRows = useMemo(() => shown.map(csvRow), [shown]);

  return (
    <>
      <FilterBar
        label="Filter contracts"
        end={
          <CsvDownloadButton
            filename="domain-atlas-contracts.csv"
            what="the contracts shown"
            header={CSV_HEADER}
            rows={csvRows}
          />
        }
      >
        <SearchField
          label="Search contracts"
          value={search}
          onChange={setSearch}
        />
        <FilterSelect
          label="Domain"
          value={domain}
          options={domainOptions}
          onChange={setDomain}
        />
        <FilterSelect
          label="Type"
          value={type}
          options={typeOptions}
          onChange={setType}
        />
        <FilterSelect
          label="Latest change"
          value={change}
          options={CHANGE_OPTIONS}
          onChange={setChange}
        />
      </FilterBar>
      <ContractsTableBody rows={shown} total={contracts.length} />
    </>
  );
}

/**
 * The contract catalogue of the organisation: every API with its domain,
 * type, version, family, lifecycle, consumers and its latest change, with
 * links to each API's entity page.
 */
export function ContractsTable() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.listContracts(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the contracts"
      minHeight={600}
      isEmpty={contracts => contracts.length === 0}
      empty={{
        title: 'No contracts yet',
        description:
          'Domain Atlas found no API entities in the software catalog. Describe the APIs your components provide as `kind: API` entities, with their definition, to see them here.',
      }}
    >
      {contracts => <ContractsView contracts={contracts} />}
    </AsyncContent>
  );
}
