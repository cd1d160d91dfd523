import Typography from '@material-ui/core/Typography';
import type { FindingCounts } from '@domain-atlas/plugin-domain-atlas-common';

/** Unwaived findings by severity, plus the waived ones. */
export function FindingCountsSummary(props: { counts: FindingCounts }) {
  const { error, warning, info, waived } = props.counts;
  if (error + warning + info + waived === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  const parts = [
    error > 0 && `${error} error${error === 1 ? '' : 's'}`,
    warning > 0 && `${warning} warning${warning === 1 ? '' : 's'}`,
    info > 0 && `${info} info`,
    waived > 0 && `${waived} waived`,
  ].filter(Boolean);
  return (
    <Typography variant="body2" color={error > 0 ? 'error' : 'textPrimary'}>
      {parts.join(', ')}
    </Typography>
  );
}
