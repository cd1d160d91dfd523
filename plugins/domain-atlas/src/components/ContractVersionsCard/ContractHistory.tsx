import type {
  ClassifiedChange,
  ContractDiff,
  ContractRevision,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useId, useState } from 'react';
import { ChangeClassChip } from '../ChangeClassChip';

const useStyles = makeStyles(theme => ({
  cell: { verticalAlign: 'top' },
  changes: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
  breaking: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  path: {
    fontFamily: 'monospace',
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    wordBreak: 'break-all',
  },
}));

/** A timestamp as its UTC date, with the full time in `dateTime`. */
export function DateText(props: { at: string }) {
  return (
    <time dateTime={props.at} title={props.at}>
      {props.at.slice(0, 10)}
    </time>
  );
}

function ChangeList(props: {
  changes: ClassifiedChange[];
  breaking?: boolean;
  id?: string;
  label: string;
}) {
  const classes = useStyles();
  return (
    <ul className={classes.changes} id={props.id} aria-label={props.label}>
      {props.changes.map((change, index) => (
        <li key={`${change.path}:${index}`}>
          <Typography
            variant="body2"
            component="span"
            className={props.breaking ? classes.breaking : undefined}
          >
            {change.message}
          </Typography>{' '}
          <span className={classes.path}>{change.path}</span>
        </li>
      ))}
    </ul>
  );
}

/** The changes of one revision: breaking ones listed, the others on demand. */
function ChangeDetails(props: { diff: ContractDiff }) {
  const { diff } = props;
  const [open, setOpen] = useState(false);
  const othersId = useId();
  const breaking = diff.changes.filter(change => change.class === 'breaking');
  const others = diff.changes.filter(change => change.class !== 'breaking');
  return (
    <>
      <ChangeClassChip
        classification={diff.classification}
        needsMajor={diff.needsMajor}
      />
      {diff.needsMajor && (
        <Typography variant="body2" color="error">
          Breaking change published as {diff.toVersion ?? 'an unknown version'}:
          it needs a major version.
        </Typography>
      )}
      {diff.problem && (
        <Typography variant="body2" color="textSecondary">
          Could not compare with the previous definition: {diff.problem}
        </Typography>
      )}
      {breaking.length > 0 && (
        <ChangeList
          changes={breaking}
          breaking
          label={`Breaking changes from ${diff.fromVersion ?? 'unknown'}`}
        />
      )}
      {others.length > 0 && (
        <Box mt={0.5}>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={open ? othersId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Show'} {others.length} other change
            {others.length === 1 ? '' : 's'}
          </Button>
          {open && (
            <ChangeList
              changes={others}
              id={othersId}
              label={`Other changes from ${diff.fromVersion ?? 'unknown'}`}
            />
          )}
        </Box>
      )}
      {diff.changes.length === 0 && !diff.problem && (
        <Typography variant="body2" color="textSecondary">
          No change the diff tool classifies (descriptions or formatting).
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" display="block">
        {diff.fromVersion ?? 'unknown'} → {diff.toVersion ?? 'unknown'},
        compared by {diff.tool}
      </Typography>
    </>
  );
}

/**
 * The distinct definitions an API had, newest first, each with how it
 * changed from the one before.
 */
export function ContractHistory(props: { history: ContractRevision[] }) {
  const classes = useStyles();
  const { history } = props;
  if (history.length <= 1) {
    return (
      <Typography variant="body2" color="textSecondary">
        {history.length === 0
          ? 'No definition of this API has been recorded yet.'
          : `Only one definition has been seen so far (version ${
              history[0].version ?? 'unknown'
            }, since ${history[0].firstSeen.slice(
              0,
              10,
            )}): no changes to show.`}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Definition history">
      <TableHead>
        <TableRow>
          <TableCell>Version</TableCell>
          <TableCell>First seen</TableCell>
          <TableCell>Last seen</TableCell>
          <TableCell>Change from the definition before</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...history].reverse().map(revision => (
          // A reverted definition is a new revision with an old hash.
          <TableRow key={`${revision.hash}:${revision.firstSeen}`}>
            <TableCell
              className={classes.cell}
              component="th"
              scope="row"
              role="rowheader"
            >
              {revision.version ?? 'unknown'}
            </TableCell>
            <TableCell className={classes.cell}>
              <DateText at={revision.firstSeen} />
            </TableCell>
            <TableCell className={classes.cell}>
              <DateText at={revision.lastSeen} />
            </TableCell>
            <TableCell className={classes.cell}>
              {revision.change ? (
                <ChangeDetails diff={revision.change} />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  first definition seen
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
