import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/CheckCircleOutline';
import CrossIcon from '@material-ui/icons/HighlightOff';
import type { DomainDetail } from '../../api';
import { PHASE_NAMES, PhaseSummary } from '../PhaseSummary';

/** Strangler coverage at or above which the monolith part can go. */
const DECOMMISSION_THRESHOLD = 95;

const PLAYBOOK_STEPS = [
  ['extracted', 'Extracted into its own repository'],
  ['publishesEvents', 'Publishes events (provides an asyncapi contract)'],
  ['dbJoinsCut', 'Database joins cut (no cross-domain datastore use)'],
  ['deploysIndependently', 'Deploys independently (a pipeline per deployable)'],
] as const;

function Criterion(props: { met: boolean; text: string; detail?: string }) {
  const theme = useTheme();
  return (
    <ListItem dense>
      <ListItemIcon aria-label={props.met ? 'met' : 'not met'}>
        {props.met ? (
          <CheckIcon style={{ color: theme.palette.success.main }} />
        ) : (
          <CrossIcon color="error" />
        )}
      </ListItemIcon>
      <ListItemText primary={props.text} secondary={props.detail} />
    </ListItem>
  );
}

/**
 * Where a domain stands on the road from the monorepo to its own repos:
 * the phase the catalog evidences, the exit criteria of each phase, the
 * phase-3 playbook and strangler coverage.
 */
export function DomainPhaseCard(props: { domain: DomainDetail }) {
  const { phase } = props.domain;
  return (
    <InfoCard title="Migration phase">
      <PhaseSummary phase={phase} />
      {phase.stranglerCoverage !== null && (
        <Typography variant="body2">
          Strangler coverage {phase.stranglerCoverage}% (decommission at{' '}
          {DECOMMISSION_THRESHOLD}%
          {phase.decommissionReady ? ': ready to decommission' : ''})
        </Typography>
      )}
      {([1, 2, 3] as const).map(n => (
        <List
          key={n}
          dense
          subheader={
            <ListSubheader disableSticky>
              Phase {n} · {PHASE_NAMES[n]}
            </ListSubheader>
          }
        >
          {phase.criteria
            .filter(criterion => criterion.phase === n)
            .map(criterion => (
              <Criterion
                key={criterion.id}
                met={criterion.met}
                text={criterion.description}
                detail={
                  criterion.findings?.length
                    ? `${criterion.findings.length} finding(s)`
                    : undefined
                }
              />
            ))}
        </List>
      ))}
      <List
        dense
        subheader={
          <ListSubheader disableSticky>Phase 3 playbook</ListSubheader>
        }
      >
        {PLAYBOOK_STEPS.map(([key, text]) => (
          <Criterion key={key} met={phase.playbook[key]} text={text} />
        ))}
      </List>
    </InfoCard>
  );
}
