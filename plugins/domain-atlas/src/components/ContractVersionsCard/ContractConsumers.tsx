import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ContractConsumer } from '@domain-atlas/plugin-domain-atlas-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';

const useStyles = makeStyles(theme => ({
  satisfied: { color: theme.palette.success.main },
  unsatisfied: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

function PinStatus(props: {
  pin: NonNullable<ContractConsumer['pin']>;
  family: string;
  version: string | null;
}) {
  const classes = useStyles();
  const { pin, family, version } = props;
  const range = `${family}@${pin.range}`;
  if (pin.satisfied === true) {
    return (
      <Typography variant="body2">
        {range} <span className={classes.satisfied}>✓ satisfied</span>
      </Typography>
    );
  }
  if (pin.satisfied === false) {
    return (
      <Typography variant="body2">
        {range}{' '}
        <span className={classes.unsatisfied}>
          ✗ not satisfied by {version ?? 'the current version'}
        </span>
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {range}{' '}
      <Typography component="span" variant="body2" color="textSecondary">
        ? unknown (no comparable version)
      </Typography>
    </Typography>
  );
}

/** Who consumes the API, from which domain, and whether their pin holds. */
export function ContractConsumers(props: {
  consumers: ContractConsumer[];
  family: string;
  version: string | null;
}) {
  const { consumers, family, version } = props;
  if (consumers.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No consumers: no entity consumes this API (`consumesApis`) or pins its
        family (`domain-atlas.io/consumes-contracts`).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Consumers">
      <TableHead>
        <TableRow>
          <TableCell>Consumer</TableCell>
          <TableCell>Domain</TableCell>
          <TableCell>Through</TableCell>
          <TableCell>Pin</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {consumers.map(consumer => (
          <TableRow key={consumer.ref}>
            <TableCell component="th" scope="row" role="rowheader">
              <EntityRefLink entityRef={consumer.ref} />
            </TableCell>
            <TableCell>
              {consumer.domain ? (
                <EntityRefLink
                  entityRef={consumer.domain}
                  defaultKind="domain"
                />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  none
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {[consumer.consumesApi && 'consumesApis', consumer.pin && 'pin']
                .filter(Boolean)
                .join(' and ')}
            </TableCell>
            <TableCell>
              {consumer.pin ? (
                <PinStatus
                  pin={consumer.pin}
                  family={family}
                  version={version}
                />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  no pin
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
