import { useTheme } from '@material-ui/core/styles';
import type { CSSProperties } from 'react';

/** Props for recharts' grid, axes, tooltip and legend. */
export interface ChartStyles {
  grid: { stroke: string; strokeDasharray: string };
  axis: {
    stroke: string;
    tick: { fill: string; fontSize?: CSSProperties['fontSize'] };
  };
  tooltip: {
    contentStyle: CSSProperties;
    labelStyle: CSSProperties;
    cursor: { stroke: string; fill: string };
  };
  legend: { wrapperStyle: CSSProperties };
}

/**
 * Colours of the recharts charts from the Backstage theme, so that axes,
 * grid and tooltips read in the light and the dark theme alike (recharts'
 * defaults are greys and a white tooltip, made for a light background).
 */
export function useChartStyles(): ChartStyles {
  const theme = useTheme();
  const text = theme.palette.text.secondary;
  const line = theme.palette.divider;
  return {
    grid: { stroke: line, strokeDasharray: '3 3' },
    axis: {
      stroke: line,
      tick: { fill: text, fontSize: theme.typography.caption.fontSize },
    },
    tooltip: {
      contentStyle: {
        backgroundColor: theme.palette.background.paper,
        borderColor: line,
        color: theme.palette.text.primary,
      },
      labelStyle: { color: theme.palette.text.primary },
      cursor: {
        stroke: theme.palette.text.disabled,
        fill: theme.palette.action.hover,
      },
    },
    legend: { wrapperStyle: { color: theme.palette.text.primary } },
  };
}
