import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { DomainListItem } from '../../api';

/** The names of the migration phases, from the repo-split playbook. */
export const PHASE_NAMES = [
  'Monorepo',
  'Domain ownership',
  'Logical split',
  'Physical repo split',
] as const;

const STATUS_TEXT = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  overdue: 'overdue',
} as const;

/**
 * A domain's phase as the catalog evidences it, with the declared phase
 * when it differs and the target status when there is one.
 */
export function PhaseSummary(props: { phase: DomainListItem['phase'] }) {
  const { evidence, declared, target, targetDate, status } = props.phase;
  const differs = declared !== null && declared !== evidence;
  return (
    <>
      <Typography variant="body2">
        {evidence} · {PHASE_NAMES[evidence]}
      </Typography>
      {differs && (
        <Tooltip title="The domain declares a phase its catalog entries do not yet evidence">
          <Typography variant="caption" color="error" display="block">
            declares {declared}
          </Typography>
        </Tooltip>
      )}
      {status !== 'none' && target !== null && (
        <Typography
          variant="caption"
          display="block"
          color={status === 'on-track' ? 'textSecondary' : 'error'}
        >
          target {target}
          {targetDate ? ` by ${targetDate}` : ''}: {STATUS_TEXT[status]}
        </Typography>
      )}
    </>
  );
}
