import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ContractSummary } from '@domain-atlas/plugin-domain-atlas-common';
import Typography from '@material-ui/core/Typography';
import { EntityRefList } from '../EntityRefList';

const VERSION_SOURCES = {
  definition: 'from the definition',
  annotation: 'from the annotation',
  name: 'from the name',
} as const;

function None(props: { text?: string }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.text ?? 'none'}
    </Typography>
  );
}

const columns: TableColumn<ContractSummary>[] = [
  {
    title: 'Contract',
    field: 'title',
    highlight: true,
    render: contract => (
      <EntityRefLink entityRef={contract.ref} title={contract.title} />
    ),
  },
  {
    title: 'Type',
    field: 'type',
    render: contract => contract.type ?? <None text="unknown" />,
  },
  {
    title: 'Version',
    field: 'version',
    render: contract =>
      contract.version ? (
        <>
          <Typography variant="body2">{contract.version}</Typography>
          {contract.versionSource && (
            <Typography variant="caption" color="textSecondary">
              {VERSION_SOURCES[contract.versionSource]}
            </Typography>
          )}
        </>
      ) : (
        <None text="unknown" />
      ),
  },
  {
    title: 'Lifecycle',
    field: 'lifecycle',
    render: contract => contract.lifecycle ?? <None text="unknown" />,
  },
  {
    title: 'Consumers',
    field: 'consumers',
    cellStyle: { minWidth: 180 },
    customSort: (a, b) => a.consumers.length - b.consumers.length,
    render: contract =>
      contract.consumers.length === 0 ? (
        <None />
      ) : (
        <EntityRefList
          entityRefs={contract.consumers}
          aria-label={`Consumers of ${contract.title}`}
        />
      ),
  },
  {
    title: 'Unsatisfied pins',
    field: 'pins',
    cellStyle: { minWidth: 180 },
    customSort: (a, b) => unsatisfied(a).length - unsatisfied(b).length,
    render: contract => {
      const pins = unsatisfied(contract);
      if (pins.length === 0) {
        return <None />;
      }
      return (
        <ul
          aria-label={`Unsatisfied pins of ${contract.title}`}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {pins.map(pin => (
            <li key={pin.consumer}>
              <Typography variant="body2" color="error" component="span">
                {pin.range}
              </Typography>{' '}
              <Typography variant="body2" component="span">
                wanted by <EntityRefLink entityRef={pin.consumer} />
              </Typography>
            </li>
          ))}
        </ul>
      );
    },
  },
];

/** Pins whose range the contract's current version does not satisfy. */
function unsatisfied(contract: ContractSummary) {
  return contract.pins.filter(pin => pin.satisfied === false);
}

/**
 * The contracts (API entities) of a domain: type, version, lifecycle,
 * consumers, and the consumers' version pins the current version breaks.
 */
export function DomainContractsTable(props: { contracts: ContractSummary[] }) {
  const contracts = [...props.contracts].sort(
    (a, b) =>
      unsatisfied(b).length - unsatisfied(a).length ||
      a.title.localeCompare(b.title),
  );
  return (
    <Table<ContractSummary>
      title="Contracts"
      subtitle="The APIs of this domain and who consumes them"
      options={{
        paging: contracts.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={contracts}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          This domain provides no contracts: no API entity belongs to it.
        </Typography>
      }
    />
  );
}
