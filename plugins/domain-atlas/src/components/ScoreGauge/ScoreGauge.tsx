import { LinearGauge } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

// A static class rather than a Box: tables mount one gauge per row, and a
// Box creates styles per instance.
const useStyles = makeStyles({ root: { width: 96 } });

/**
 * A domain's health score (0–100): the number, and a thin gauge coloured
 * by Backstage's thresholds. The label carries the number for screen
 * readers.
 */
export function ScoreGauge(props: { score: number }) {
  const classes = useStyles();
  return (
    <div
      className={classes.root}
      role="img"
      aria-label={`Health score ${props.score} of 100`}
    >
      <Typography variant="body2" aria-hidden>
        {props.score}
      </Typography>
      <LinearGauge value={props.score / 100} />
    </div>
  );
}
