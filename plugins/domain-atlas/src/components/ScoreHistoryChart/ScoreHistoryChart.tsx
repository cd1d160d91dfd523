import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DomainHistoryPoint } from '../../api';
import { useChartStyles } from '../../hooks/useChartStyles';

/** Height of the chart, and of the empty state in its place. */
const HEIGHT = 260;

function day(recordedAt: string): string {
  return recordedAt.slice(0, 10);
}

/** Date and time (UTC, to the minute) of a refresh, for the axis. */
function moment(recordedAt: string): string {
  return recordedAt.slice(0, 16).replace('T', ' ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describe(point: DomainHistoryPoint): string {
  return `score ${point.score}, ${plural(point.errors, 'error')}, ${plural(
    point.warnings,
    'warning',
  )}`;
}

/**
 * A domain's health score and its unwaived errors and warnings over the
 * stored history, one point per refresh: the score on the left axis
 * (0–100), the finding counts on the right.
 */
export function ScoreHistoryChart(props: { history: DomainHistoryPoint[] }) {
  const theme = useTheme();
  const styles = useChartStyles();
  const { history } = props;
  const latest = history[history.length - 1];

  if (history.length < 2) {
    return (
      <Box
        height={HEIGHT}
        display="flex"
        flexDirection="column"
        justifyContent="center"
        alignItems="center"
        textAlign="center"
      >
        <Typography variant="subtitle1" component="p">
          {latest ? 'Only one refresh recorded so far' : 'No history yet'}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {latest ? `On ${day(latest.recordedAt)}: ${describe(latest)}. ` : ''}
          The chart grows with each refresh of the report.
        </Typography>
      </Box>
    );
  }

  const first = history[0];
  const data = history.map(point => ({
    ...point,
    at: moment(point.recordedAt),
  }));
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`Health score history, ${
          history.length
        } refreshes from ${day(first.recordedAt)} to ${day(
          latest.recordedAt,
        )}; latest: ${describe(latest)}`}
        style={{ width: '100%', height: HEIGHT }}
      >
        <ResponsiveContainer initialDimension={{ width: 640, height: HEIGHT }}>
          <LineChart data={data}>
            <CartesianGrid {...styles.grid} />
            <XAxis dataKey="at" {...styles.axis} minTickGap={24} />
            <YAxis
              yAxisId="score"
              domain={[0, 100]}
              allowDecimals={false}
              {...styles.axis}
            />
            <YAxis
              yAxisId="findings"
              orientation="right"
              allowDecimals={false}
              {...styles.axis}
            />
            <Tooltip {...styles.tooltip} />
            <Legend {...styles.legend} />
            <Line
              yAxisId="score"
              type="stepAfter"
              dataKey="score"
              name="Health score"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="findings"
              type="stepAfter"
              dataKey="errors"
              name="Errors"
              stroke={theme.palette.error.main}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="findings"
              type="stepAfter"
              dataKey="warnings"
              name="Warnings"
              stroke={theme.palette.warning.main}
              strokeDasharray="4 2"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Typography
        component="figcaption"
        variant="caption"
        color="textSecondary"
      >
        {`${history.length} refreshes from ${day(first.recordedAt)} to ${day(
          latest.recordedAt,
        )}. Score from ${first.score} to ${latest.score}; latest: ${describe(
          latest,
        )}.`}
      </Typography>
    </figure>
  );
}
