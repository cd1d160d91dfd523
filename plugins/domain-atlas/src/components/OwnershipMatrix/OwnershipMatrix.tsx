import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { TeamSummary } from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import { alpha, makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, TeamsOverview } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { CsvDownloadButton } from '../CsvDownloadButton';

type MatrixDomain = TeamsOverview['domains'][number];

const useStyles = makeStyles(theme => ({
  shared: {
    backgroundColor: alpha(
      theme.palette.warning.main,
      theme.palette.type === 'dark' ? 0.16 : 0.12,
    ),
  },
  outside: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  direct: { fontWeight: theme.typography.fontWeightBold as number },
  cell: {
    padding: theme.spacing(0.5, 0.75),
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  header: {
    verticalAlign: 'bottom',
    padding: theme.spacing(1, 0.75),
  },
  vertical: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
  },
}));

/** Teams in tree order (parents before their sub-teams), with their depth. */
function treeOrder(
  teams: TeamSummary[],
): Array<{ team: TeamSummary; depth: number }> {
  const byRef = new Map(teams.map(team => [team.ref, team]));
  const ordered: Array<{ team: TeamSummary; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (team: TeamSummary, depth: number) => {
    if (seen.has(team.ref)) {
      return;
    }
    seen.add(team.ref);
    ordered.push({ team, depth });
    for (const child of team.children) {
      const sub = byRef.get(child);
      if (sub) visit(sub, depth + 1);
    }
  };
  for (const team of teams) {
    if (team.parent === null || !byRef.has(team.parent)) visit(team, 0);
  }
  // Teams only reachable through a cycle still get a row.
  for (const team of teams) visit(team, 0);
  return ordered;
}

/** What one cell says: how `team` owns `domain`, if at all. */
function cellText(
  team: TeamSummary,
  domain: MatrixDomain,
  titles: Map<string, string>,
): { text: string; kind: 'direct' | 'sub-team' | 'outside' } | null {
  const owned = team.domains.find(d => d.ref === domain.ref);
  if (owned?.via === 'direct') {
    return { text: 'owns', kind: 'direct' };
  }
  if (owned) {
    const through = owned.through ?? '';
    return {
      text: `via ${titles.get(through) ?? through}`,
      kind: 'sub-team',
    };
  }
  if (domain.sharedWith.includes(team.ref)) {
    return { text: 'owns entities in it', kind: 'outside' };
  }
  return null;
}

/**
 * A domain's ownership is shared when more than one team owns it directly,
 * or when teams outside its owner's tree own some of its entities.
 */
function sharedDomains(data: TeamsOverview): Set<string> {
  const directOwners = new Map<string, number>();
  for (const team of data.teams) {
    for (const owned of team.domains) {
      if (owned.via === 'direct') {
        directOwners.set(owned.ref, (directOwners.get(owned.ref) ?? 0) + 1);
      }
    }
  }
  return new Set(
    data.domains
      .filter(
        d => d.sharedWith.length > 0 || (directOwners.get(d.ref) ?? 0) > 1,
      )
      .map(d => d.ref),
  );
}

/**
 * The ownership matrix: teams (in tree order) × domains. A cell says
 * whether the team owns the domain directly or through a sub-team; domains
 * with shared ownership are highlighted, with the teams that own their
 * entities from outside the owner's tree.
 */
export function OwnershipMatrix() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.getTeams(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the ownership matrix"
      minHeight={600}
      isEmpty={value => value.teams.length === 0 || value.domains.length === 0}
      empty={{
        title: 'No teams or domains yet',
        description:
          'The ownership matrix needs Group entities and Domain entities with a `spec.owner` in the software catalog.',
      }}
    >
      {value => <Matrix value={value} />}
    </AsyncContent>
  );
}

function Matrix(props: { value: TeamsOverview }) {
  const { value } = props;
  const classes = useStyles();
  const titles = new Map(value.teams.map(team => [team.ref, team.title]));
  const rows = treeOrder(value.teams);
  const shared = sharedDomains(value);
  const csvRows = rows.map(({ team }) => [
    team.title,
    ...value.domains.map(domain => cellText(team, domain, titles)?.text),
  ]);

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <CsvDownloadButton
          filename="domain-atlas-teams.csv"
          what="the ownership matrix"
          header={['team', ...value.domains.map(d => d.title)]}
          rows={csvRows}
        />
      </Box>
      <InfoCard
        title="Ownership: teams × domains"
        subheader="“owns”: the team is the domain's owner; “via”: a sub-team owns it. Highlighted: shared ownership."
      >
        <TableContainer>
          <Table size="small" aria-label="Ownership matrix">
            <TableHead>
              <TableRow>
                <TableCell className={classes.header}>Team</TableCell>
                {value.domains.map(domain => (
                  <TableCell
                    key={domain.ref}
                    scope="col"
                    className={`${classes.header} ${
                      shared.has(domain.ref) ? classes.shared : ''
                    }`}
                  >
                    <div className={classes.vertical}>
                      <EntityRefLink
                        entityRef={domain.ref}
                        title={domain.title}
                      />
                      {shared.has(domain.ref) && (
                        <Typography variant="caption" display="block">
                          shared
                        </Typography>
                      )}
                      {domain.ownerKind !== 'group' && (
                        <Typography
                          variant="caption"
                          color="error"
                          display="block"
                        >
                          no team owner
                        </Typography>
                      )}
                    </div>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ team, depth }) => (
                <TableRow key={team.ref}>
                  <TableCell
                    component="th"
                    scope="row"
                    role="rowheader"
                    className={classes.cell}
                  >
                    <Box pl={depth * 2} whiteSpace="nowrap">
                      <EntityRefLink entityRef={team.ref} title={team.title} />
                    </Box>
                  </TableCell>
                  {value.domains.map(domain => {
                    const cell = cellText(team, domain, titles);
                    return (
                      <TableCell
                        key={domain.ref}
                        className={`${classes.cell} ${
                          shared.has(domain.ref) ? classes.shared : ''
                        }`}
                      >
                        {cell && (
                          <Typography
                            variant={
                              cell.kind === 'sub-team' ? 'caption' : 'body2'
                            }
                            className={
                              cell.kind === 'sub-team'
                                ? undefined
                                : classes[cell.kind]
                            }
                          >
                            {cell.text}
                          </Typography>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </InfoCard>
      <SharedOwnershipList domains={value.domains} titles={titles} />
    </>
  );
}

function SharedOwnershipList(props: {
  domains: MatrixDomain[];
  titles: Map<string, string>;
}) {
  const shared = props.domains.filter(d => d.sharedWith.length > 0);
  if (shared.length === 0) {
    return null;
  }
  return (
    <Box mt={2}>
      <InfoCard title="Shared ownership">
        {shared.map(domain => (
          <Typography key={domain.ref} variant="body2" paragraph>
            <EntityRefLink entityRef={domain.ref} title={domain.title} /> is
            owned by{' '}
            {domain.owner ? (
              <EntityRefLink entityRef={domain.owner} defaultKind="group" />
            ) : (
              'nobody'
            )}
            , but{' '}
            {domain.sharedWith.map((owner, i) => (
              <span key={owner}>
                {i > 0 && ', '}
                <EntityRefLink
                  entityRef={owner}
                  title={props.titles.get(owner)}
                />
              </span>
            ))}{' '}
            {domain.sharedWith.length === 1 ? 'owns' : 'own'} entities in it
            (single-owner).
          </Typography>
        ))}
      </InfoCard>
    </Box>
  );
}
