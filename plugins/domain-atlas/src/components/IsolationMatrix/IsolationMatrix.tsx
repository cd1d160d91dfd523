import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { IsolationEntry } from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, IsolationOverview } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { CsvDownloadButton } from '../CsvDownloadButton';

const useStyles = makeStyles(theme => ({
  blocked: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  delayed: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  self: { color: theme.palette.text.disabled },
  cell: {
    textAlign: 'center',
    padding: theme.spacing(0.5, 0.75),
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  rowHeader: { whiteSpace: 'nowrap', padding: theme.spacing(0.5, 1) },
  header: { verticalAlign: 'bottom', padding: theme.spacing(1, 0.75) },
  vertical: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
  },
}));

function chainText(entry: IsolationEntry, title: (ref: string) => string) {
  return entry.path.map(title).join(' → ');
}

function BlastRadiusList(props: {
  data: IsolationOverview;
  title: (ref: string) => string;
}) {
  const { data, title } = props;
  const radius = [...data.blastRadius].sort(
    (a, b) =>
      b.blocks - a.blocks ||
      b.delays - a.delays ||
      title(a.domain).localeCompare(title(b.domain)),
  );
  const affected = (down: string, impact: IsolationEntry['impact']) =>
    data.entries
      .filter(e => e.down === down && e.impact === impact)
      .map(e => title(e.affected))
      .join(', ');
  return (
    <Table size="small" aria-label="Blast radius">
      <TableHead>
        <TableRow>
          <TableCell>When this domain is down</TableCell>
          <TableCell align="right">Blocks</TableCell>
          <TableCell align="right">Delays</TableCell>
          <TableCell>Blocked</TableCell>
          <TableCell>Delayed</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {radius.map(r => (
          <TableRow key={r.domain}>
            <TableCell component="th" scope="row" role="rowheader">
              <EntityRefLink entityRef={r.domain} title={title(r.domain)} />
            </TableCell>
            <TableCell align="right">{r.blocks}</TableCell>
            <TableCell align="right">{r.delays}</TableCell>
            <TableCell>{affected(r.domain, 'blocked')}</TableCell>
            <TableCell>{affected(r.domain, 'delayed')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Failure isolation: what happens to each domain (columns) while another
 * (rows) is down — blocked by synchronous dependencies, or only delayed
 * through events — with the chain as a tooltip; and each domain's blast
 * radius, most dangerous first.
 */
export function IsolationMatrix() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.getIsolation(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the failure-isolation matrix"
      minHeight={600}
      isEmpty={value => value.domains.length === 0}
      empty={{
        title: 'No domains yet',
        description:
          "Failure isolation is computed between the Domain entities of the software catalog from their components' dependencies.",
      }}
    >
      {value => <Matrix value={value} />}
    </AsyncContent>
  );
}

function Matrix(props: { value: IsolationOverview }) {
  const { value } = props;
  const classes = useStyles();
  const title = (ref: string) => value.titles[ref] ?? ref;
  const entries = new Map(
    value.entries.map(entry => [`${entry.down} ${entry.affected}`, entry]),
  );
  const csvRows = value.entries.map(entry => [
    title(entry.down),
    title(entry.affected),
    entry.impact,
    chainText(entry, title),
  ]);

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <CsvDownloadButton
          filename="domain-atlas-isolation.csv"
          what="the failure-isolation matrix"
          header={['down', 'affected', 'impact', 'chain']}
          rows={csvRows}
        />
      </Box>
      <InfoCard
        title="Failure isolation"
        subheader="Rows: the domain that is down. Columns: the domains affected. Blocked: a synchronous dependency; delayed: only through events. Hover a cell for the chain."
      >
        {value.entries.length === 0 && (
          <Typography variant="body2" paragraph>
            No domain depends on another: every domain keeps working when
            another one is down.
          </Typography>
        )}
        <TableContainer>
          <Table size="small" aria-label="Failure-isolation matrix">
            <TableHead>
              <TableRow>
                <TableCell className={classes.header}>
                  Down ↓ / affected →
                </TableCell>
                {value.domains.map(ref => (
                  <TableCell key={ref} scope="col" className={classes.header}>
                    <div className={classes.vertical}>
                      <EntityRefLink entityRef={ref} title={title(ref)} />
                    </div>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {value.domains.map(down => (
                <TableRow key={down}>
                  <TableCell
                    component="th"
                    scope="row"
                    role="rowheader"
                    className={classes.rowHeader}
                  >
                    <EntityRefLink entityRef={down} title={title(down)} />
                  </TableCell>
                  {value.domains.map(affected => {
                    if (affected === down) {
                      return (
                        <TableCell
                          key={affected}
                          className={`${classes.cell} ${classes.self}`}
                          aria-label="same domain"
                        >
                          –
                        </TableCell>
                      );
                    }
                    const entry = entries.get(`${down} ${affected}`);
                    if (!entry) {
                      return (
                        <TableCell key={affected} className={classes.cell} />
                      );
                    }
                    return (
                      <TableCell
                        key={affected}
                        className={`${classes.cell} ${classes[entry.impact]}`}
                      >
                        <Tooltip title={chainText(entry, title)}>
                          <span>{entry.impact}</span>
                        </Tooltip>
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </InfoCard>
      <Box mt={2}>
        <InfoCard title="Blast radius, most dangerous first">
          <BlastRadiusList data={value} title={title} />
        </InfoCard>
      </Box>
    </>
  );
}
