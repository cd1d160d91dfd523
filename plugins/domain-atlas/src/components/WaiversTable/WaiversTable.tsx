import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EXPIRING_WAIVER_DAYS,
  WaiverSummary,
  WaiverUnusedReason,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';

/** Why a waiver waives nothing, in words. */
const UNUSED: Record<WaiverUnusedReason, string> = {
  'no-finding': 'no finding of the rule names the entity',
  'unknown-rule': 'no rule has this id',
  'rule-off': 'the rule is switched off',
  'outside-domain':
    'the findings naming the entity belong to another domain, where the waiver does not apply',
};

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Whether a waiver ends within {@link EXPIRING_WAIVER_DAYS}. */
const expiresSoon = (waiver: WaiverSummary) =>
  !waiver.expired &&
  waiver.daysLeft !== undefined &&
  waiver.daysLeft <= EXPIRING_WAIVER_DAYS;

/** Days left, marked by a chip with words when it ends soon or has ended. */
function DaysLeft(props: { waiver: WaiverSummary }) {
  const { waiver } = props;
  if (waiver.daysLeft === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        –
      </Typography>
    );
  }
  if (waiver.expired) {
    return (
      <Chip
        size="small"
        color="secondary"
        label={`expired ${days(-waiver.daysLeft)} ago`}
      />
    );
  }
  if (expiresSoon(waiver)) {
    return (
      <Chip
        size="small"
        color="primary"
        label={`expires soon: ${days(waiver.daysLeft)} left`}
      />
    );
  }
  return <Typography variant="body2">{days(waiver.daysLeft)}</Typography>;
}

// Sorted by the end: expired and soon-ending first, open-ended last.
const byDaysLeft = (a: WaiverSummary, b: WaiverSummary) =>
  (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity);

const columns: TableColumn<WaiverSummary>[] = [
  {
    title: 'Entity',
    field: 'entity',
    cellStyle: { minWidth: 180 },
    render: waiver => <EntityRefLink entityRef={waiver.entity} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: waiver =>
      waiver.owner ? (
        <EntityRefLink entityRef={waiver.owner} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          –
        </Typography>
      ),
  },
  { title: 'Rule', field: 'rule' },
  { title: 'Reason', field: 'reason', width: '30%' },
  {
    title: 'Until',
    field: 'until',
    render: waiver => waiver.until ?? 'no end',
  },
  {
    title: 'Days left',
    field: 'daysLeft',
    customSort: byDaysLeft,
    render: waiver => <DaysLeft waiver={waiver} />,
  },
  {
    title: 'Unused',
    field: 'unused',
    render: waiver =>
      waiver.unused ? (
        <Typography variant="body2" color="error">
          unused: {UNUSED[waiver.unused]}
        </Typography>
      ) : (
        <Typography variant="body2" color="textSecondary">
          waives {waiver.findings.length} finding
          {waiver.findings.length === 1 ? '' : 's'}
        </Typography>
      ),
  },
];

function summary(waivers: WaiverSummary[]): string {
  const soon = waivers.filter(expiresSoon).length;
  const expired = waivers.filter(w => w.expired).length;
  const unused = waivers.filter(w => w.unused !== undefined).length;
  return [
    `${waivers.length} waiver${waivers.length === 1 ? '' : 's'}`,
    `${soon} expiring within ${EXPIRING_WAIVER_DAYS} days`,
    `${expired} expired`,
    `${unused} unused`,
  ].join(', ');
}

/**
 * Every waiver (`domain-atlas.io/exemptions` entry) of the catalog: whose
 * it is, what it waives, until when; the ones that end within 30 days,
 * have ended or waive nothing are marked in words.
 */
export function WaiversTable() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.listWaivers(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the waivers"
      minHeight={400}
      isEmpty={waivers => waivers.length === 0}
      empty={{
        title: 'No waivers',
        description:
          'No entity waives a rule with the domain-atlas.io/exemptions annotation: every finding counts.',
      }}
    >
      {waivers => (
        <Box>
          <Typography variant="body1" paragraph>
            {summary(waivers)}. Days left are counted from the newest report.
          </Typography>
          <Table<WaiverSummary>
            title="Waivers"
            options={{
              paging: waivers.length > 20,
              pageSize: 20,
              search: false,
            }}
            columns={columns}
            data={waivers}
          />
        </Box>
      )}
    </AsyncContent>
  );
}
