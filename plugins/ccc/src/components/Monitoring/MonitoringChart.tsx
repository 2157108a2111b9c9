import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { LineChart, LineChartProps } from './LineChart';

/** An entry of the chart's legend. */
export interface LegendEntry {
  label: string;
  kind: 'line' | 'dashed' | 'band';
}

function Swatch({ kind }: { kind: LegendEntry['kind'] }) {
  const colour = useTheme().palette.primary.main;
  return (
    <svg width={22} height={10} aria-hidden style={{ marginRight: 6, verticalAlign: 'middle' }}>
      {kind === 'band' ? (
        <rect x={0} y={1} width={22} height={8} fill={colour} fillOpacity={0.18} />
      ) : (
        <line
          x1={0}
          x2={22}
          y1={5}
          y2={5}
          stroke={colour}
          strokeWidth={kind === 'dashed' ? 1.25 : 2}
          strokeDasharray={kind === 'dashed' ? '4 3' : undefined}
        />
      )}
    </svg>
  );
}

/**
 * One monitoring chart with its title, a summary of the range in words, the
 * legend, and the values of the point under the pointer (or the keyboard).
 */
export function MonitoringChart({
  title,
  summary,
  legend,
  describe,
  chart,
}: {
  title: string;
  summary: string;
  legend: LegendEntry[];
  /** The values at one point in words. */
  describe(index: number): string;
  chart: Omit<LineChartProps, 'hover' | 'onHover'>;
}) {
  const [hover, setHover] = useState<number | null>(null);
  return (
    <Box component="figure" m={0}>
      <Typography variant="h6" component="figcaption">
        {title}
      </Typography>
      <Typography variant="body2" color="textSecondary" data-testid="chart-summary">
        {summary}
      </Typography>
      <LineChart {...chart} hover={hover} onHover={setHover} />
      <Box display="flex" flexWrap="wrap" alignItems="center" mt={0.5}>
        {legend.map(entry => (
          <Typography key={entry.label} variant="caption" style={{ marginRight: 16 }}>
            <Swatch kind={entry.kind} />
            {entry.label}
          </Typography>
        ))}
      </Box>
      {/* Announced as it changes, so the values under the pointer or the arrow keys can be heard. */}
      <Typography variant="body2" aria-live="polite" style={{ minHeight: '1.5em' }}>
        {hover !== null ? describe(hover) : ''}
      </Typography>
    </Box>
  );
}
