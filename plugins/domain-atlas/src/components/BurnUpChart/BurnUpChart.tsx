import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BurnUpPoint } from '../../api';
import { useChartStyles } from '../../hooks/useChartStyles';
import { PHASE_NAMES } from '../PhaseSummary';

/** Phase 3 at the bottom: the burn-up grows from there. */
const SERIES = [3, 2, 1, 0] as const;

function day(recordedAt: string): string {
  return recordedAt.slice(0, 10);
}

/** Date and time (UTC, to the minute) of a refresh, for the axis. */
function moment(recordedAt: string): string {
  return recordedAt.slice(0, 16).replace('T', ' ');
}

function describe(point: BurnUpPoint): string {
  return SERIES.map(
    phase => `${point[`phase${phase}`]} in phase ${phase}`,
  ).join(', ');
}

/**
 * Domains per evidence phase over the stored history, stacked, one point
 * per refresh. With a single refresh recorded it draws one stacked bar.
 */
export function BurnUpChart(props: { points: BurnUpPoint[] }) {
  const theme = useTheme();
  const styles = useChartStyles();
  const colours = {
    3: theme.palette.success.main,
    2: theme.palette.info.main,
    1: theme.palette.warning.main,
    0: theme.palette.grey[500],
  };
  const data = props.points.map(point => ({
    ...point,
    day: day(point.recordedAt),
    at: moment(point.recordedAt),
  }));
  const latest = props.points[props.points.length - 1];
  if (!latest) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the burn-up grows with each refresh.
      </Typography>
    );
  }
  const axes = [
    <CartesianGrid key="grid" {...styles.grid} />,
    <XAxis key="x" dataKey="at" {...styles.axis} />,
    <YAxis key="y" allowDecimals={false} {...styles.axis} />,
    <Tooltip key="tooltip" {...styles.tooltip} />,
    <Legend key="legend" {...styles.legend} />,
  ];
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`Burn-up of domains per phase; latest, ${day(
          latest.recordedAt,
        )}: ${describe(latest)}`}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer>
          {data.length === 1 ? (
            <BarChart data={data}>
              {axes}
              {SERIES.map(phase => (
                <Bar
                  key={phase}
                  dataKey={`phase${phase}`}
                  name={`${phase} · ${PHASE_NAMES[phase]}`}
                  stackId="phases"
                  fill={colours[phase]}
                  maxBarSize={80}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          ) : (
            <AreaChart data={data}>
              {axes}
              {SERIES.map(phase => (
                <Area
                  key={phase}
                  type="stepAfter"
                  dataKey={`phase${phase}`}
                  name={`${phase} · ${PHASE_NAMES[phase]}`}
                  stackId="phases"
                  stroke={colours[phase]}
                  fill={colours[phase]}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          )}
        </ResponsiveContainer>
      </div>
      <Typography
        component="figcaption"
        variant="caption"
        color="textSecondary"
      >
        {data.length === 1
          ? `One refresh recorded so far (${day(
              latest.recordedAt,
            )}): ${describe(latest)}. The chart grows with each refresh.`
          : `${data.length} refreshes from ${data[0].day} to ${day(
              latest.recordedAt,
            )}; latest: ${describe(latest)}.`}
      </Typography>
    </figure>
  );
}
