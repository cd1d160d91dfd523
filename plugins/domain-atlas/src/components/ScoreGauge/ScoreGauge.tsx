import { LinearGauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * A domain's health score (0–100): the number, and a thin gauge coloured
 * by Backstage's thresholds. The label carries the number for screen
 * readers.
 */
export function ScoreGauge(props: { score: number }) {
  return (
    <Box
      width={96}
      role="img"
      aria-label={`Health score ${props.score} of 100`}
    >
      <Typography variant="body2" aria-hidden>
        {props.score}
      </Typography>
      <LinearGauge value={props.score / 100} />
    </Box>
  );
}
