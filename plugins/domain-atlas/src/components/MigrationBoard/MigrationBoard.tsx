import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  MigrationPhase,
  PlaybookProgress,
} from '@domain-atlas/plugin-domain-atlas-common';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import useAsync from 'react-use/esm/useAsync';
import { domainAtlasApiRef, MigrationOverview } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { BurnUpChart } from '../BurnUpChart';
import { CsvDownloadButton } from '../CsvDownloadButton';
import { PHASE_NAMES } from '../PhaseSummary';

type BoardDomain = MigrationOverview['domains'][number];

/** The decommission threshold of strangler coverage, in percent. */
const DECOMMISSION_THRESHOLD = 95;

const PHASES: MigrationPhase[] = [0, 1, 2, 3];

const PLAYBOOK_STEPS: Array<[keyof PlaybookProgress, string]> = [
  ['extracted', 'Extracted into its own repo'],
  ['publishesEvents', 'Publishes events'],
  ['dbJoinsCut', 'Database joins cut'],
  ['deploysIndependently', 'Deploys independently'],
];

const STATUS_LABELS = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  overdue: 'overdue',
} as const;

/** Domains in phase 3, or working towards it, follow the playbook. */
function followsPlaybook(domain: BoardDomain): boolean {
  const { evidence, declared, target } = domain.phase;
  return evidence === 3 || declared === 3 || target === 3;
}

function TargetLine(props: { domain: BoardDomain }) {
  const { target, targetDate, status } = props.domain.phase;
  if (target === null) {
    return null;
  }
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" mt={1}>
      <Typography variant="body2" component="span" style={{ marginRight: 8 }}>
        Target {target}
        {targetDate ? ` by ${targetDate}` : ''}
      </Typography>
      {status !== 'none' && (
        <Chip
          size="small"
          label={STATUS_LABELS[status]}
          color={status === 'on-track' ? 'primary' : 'secondary'}
        />
      )}
    </Box>
  );
}

function Playbook(props: { playbook: PlaybookProgress }) {
  return (
    <Box mt={1} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {PLAYBOOK_STEPS.map(([step, label], i) => {
        const done = props.playbook[step];
        return (
          <Box
            component="li"
            key={step}
            display="flex"
            alignItems="center"
            aria-label={`Step ${i + 1}, ${label}: ${done ? 'done' : 'not yet'}`}
          >
            {done ? (
              <CheckIcon fontSize="small" color="primary" aria-hidden />
            ) : (
              <CloseIcon fontSize="small" color="error" aria-hidden />
            )}
            <Typography variant="caption" style={{ marginLeft: 4 }}>
              {i + 1}. {label}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

function StranglerCoverage(props: { coverage: number; ready: boolean }) {
  return (
    <Box mt={1}>
      <Typography variant="caption" display="block">
        Strangler coverage {props.coverage}% (decommission at{' '}
        {DECOMMISSION_THRESHOLD}%)
        {props.ready ? ': ready to decommission' : ''}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, Math.max(0, props.coverage))}
        color={props.ready ? 'primary' : 'secondary'}
        aria-label={`Strangler coverage ${props.coverage}%`}
      />
    </Box>
  );
}

function DomainCard(props: { domain: BoardDomain }) {
  const { domain } = props;
  const { phase } = domain;
  return (
    <Card variant="outlined" component="article" aria-label={domain.title}>
      <CardContent>
        <Typography variant="h6" component="h3">
          <EntityRefLink entityRef={domain.ref} title={domain.title} />
        </Typography>
        <Typography variant="body2" color="textSecondary" component="div">
          Owner:{' '}
          {domain.owner ? (
            <EntityRefLink entityRef={domain.owner} defaultKind="group" />
          ) : (
            'none'
          )}
        </Typography>
        <Typography
          variant="body2"
          color={
            phase.declared !== null && phase.declared !== phase.evidence
              ? 'error'
              : 'textPrimary'
          }
        >
          {phase.declared === null
            ? `Evidence ${phase.evidence}, no declared phase`
            : `Declared ${phase.declared}, evidence ${phase.evidence}`}
        </Typography>
        <TargetLine domain={domain} />
        {followsPlaybook(domain) && <Playbook playbook={phase.playbook} />}
        {phase.stranglerCoverage !== null && (
          <StranglerCoverage
            coverage={phase.stranglerCoverage}
            ready={phase.decommissionReady === true}
          />
        )}
      </CardContent>
    </Card>
  );
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
  'extracted',
  'publishes events',
  'database joins cut',
  'deploys independently',
  'strangler coverage',
  'decommission ready',
];

function csvRow(domain: BoardDomain) {
  const { phase } = domain;
  return [
    domain.ref,
    domain.title,
    domain.owner,
    phase.evidence,
    phase.declared,
    phase.target,
    phase.targetDate,
    phase.status,
    phase.playbook.extracted,
    phase.playbook.publishesEvents,
    phase.playbook.dbJoinsCut,
    phase.playbook.deploysIndependently,
    phase.stranglerCoverage,
    phase.decommissionReady,
  ];
}

/**
 * The migration board: domains in four columns by evidence phase, each
 * card with owner, declared vs evidence phase, target status, the phase-3
 * playbook and strangler coverage; below it, the burn-up of domains per
 * phase over the stored history.
 */
export function MigrationBoard() {
  const api = useApi(domainAtlasApiRef);
  const state = useAsync(() => api.getMigration(), [api]);
  return (
    <AsyncContent
      state={state}
      what="the migration board"
      minHeight={600}
      isEmpty={value => value.domains.length === 0}
      empty={{
        title: 'No domains to track yet',
        description:
          'The migration board shows Domain entities of the software catalog by the phase their catalog entries evidence.',
      }}
    >
      {value => <Board value={value} />}
    </AsyncContent>
  );
}

function Board(props: { value: MigrationOverview }) {
  const { value } = props;
  const byRef = new Map(value.domains.map(domain => [domain.ref, domain]));
  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <CsvDownloadButton
          filename="domain-atlas-migration.csv"
          what="the migration board"
          header={CSV_HEADER}
          rows={value.domains.map(csvRow)}
        />
      </Box>
      <Grid container spacing={2}>
        {PHASES.map(phase => {
          const domains = value.phases[`${phase}`]
            .map(ref => byRef.get(ref))
            .filter((d): d is BoardDomain => d !== undefined);
          const heading = `${phase} · ${PHASE_NAMES[phase]}`;
          return (
            <Grid item xs={12} sm={6} lg={3} key={phase}>
              <section aria-label={`Phase ${heading}`}>
                <Typography variant="h6" component="h2" gutterBottom>
                  {heading} ({domains.length})
                </Typography>
                {domains.length === 0 && (
                  <Typography variant="body2" color="textSecondary">
                    No domain in this phase.
                  </Typography>
                )}
                {domains.map(domain => (
                  <Box key={domain.ref} mb={2}>
                    <DomainCard domain={domain} />
                  </Box>
                ))}
              </section>
            </Grid>
          );
        })}
        <Grid item xs={12}>
          <InfoCard title="Burn-up: domains per evidence phase">
            <BurnUpChart points={value.burnUp} />
          </InfoCard>
        </Grid>
      </Grid>
    </>
  );
}
