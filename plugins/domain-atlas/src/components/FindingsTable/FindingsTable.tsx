import { Table, TableColumn } from '@backstage/core-components';
import type { Finding } from '@domain-atlas/plugin-domain-atlas-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { EntityRefList } from '../EntityRefList';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const columns: TableColumn<Finding>[] = [
  {
    title: 'Severity',
    field: 'severity',
    width: '10%',
    customSort: (a, b) =>
      Number(a.waived) - Number(b.waived) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    render: finding =>
      finding.waived ? (
        <Chip size="small" label={`${finding.severity}, waived`} />
      ) : (
        <Chip
          size="small"
          label={finding.severity}
          color={finding.severity === 'error' ? 'secondary' : 'default'}
        />
      ),
  },
  { title: 'Rule', field: 'rule', width: '15%' },
  {
    title: 'Finding',
    field: 'message',
    render: finding => (
      <>
        <Typography variant="body2">{finding.message}</Typography>
        {finding.waived && finding.waiver && (
          <Typography variant="caption" color="textSecondary">
            Waived: {finding.waiver}
            {finding.waiverUntil ? ` (until ${finding.waiverUntil})` : ''}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Entities',
    field: 'entities',
    width: '25%',
    // Wide enough for an entity title or a ref's name on one line: the
    // message column would otherwise squeeze it to a few letters.
    cellStyle: { minWidth: 200 },
    render: finding => (
      <EntityRefList
        entityRefs={finding.entities}
        aria-label="Entities named by the finding"
      />
    ),
  },
];

/**
 * Rule findings, unwaived errors first; waived ones stay visible as waived.
 */
export function FindingsTable(props: {
  title: string | JSX.Element;
  findings: Finding[];
}) {
  const findings = [...props.findings].sort(
    (a, b) =>
      Number(a.waived) - Number(b.waived) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return (
    <Table<Finding>
      title={props.title}
      options={{ paging: findings.length > 10, pageSize: 10, search: false }}
      columns={columns}
      data={findings}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No findings: this lives by the repo-per-domain rules.
        </Typography>
      }
    />
  );
}
