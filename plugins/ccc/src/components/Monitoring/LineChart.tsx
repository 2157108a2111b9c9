import { useTheme } from '@material-ui/core/styles';
import { KeyboardEvent, MouseEvent, useRef } from 'react';
import { nearestIndex, segments } from './chartScale';

/** One line of a {@link LineChart}: a value per timestamp. */
export interface ChartLine {
  values: readonly number[];
  dashed?: boolean;
}

/** A shaded band between a low and a high value per timestamp (e.g. the lowest and highest CPU load). */
export interface ChartBand {
  low: readonly number[];
  high: readonly number[];
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  /** Accessible name of the chart. */
  label: string;
  /** Timestamps in ms, ascending; every line and the band have a value per timestamp. */
  times: readonly number[];
  /** The time axis, in ms. */
  from: number;
  to: number;
  /** A longer step between two timestamps is drawn as a gap. */
  gapMs: number;
  lines: readonly ChartLine[];
  band?: ChartBand;
  /** Top of the value axis; values above are clipped to it. */
  yMax: number;
  yTicks: readonly number[];
  formatY(value: number): string;
  xTicks: readonly number[];
  formatX(ms: number): string;
  /** The point the pointer is over (index into `times`), or null. */
  hover: number | null;
  onHover(index: number | null): void;
}

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { left: 64, right: 16, top: 12, bottom: 28 };

/**
 * A small time-series chart drawn as SVG: lines, an optional min/max band,
 * value and time axes, and a marker at the point under the pointer. The
 * plugin declares no chart library, and these charts need little.
 */
export function LineChart(props: LineChartProps) {
  const { times, from, to, lines, band, yMax, hover } = props;
  const theme = useTheme();
  const svgRef = useRef<SVGSVGElement>(null);
  const colour = theme.palette.primary.main;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const span = Math.max(1, to - from);
  const x = (ms: number) => MARGIN.left + ((ms - from) / span) * plotWidth;
  const y = (value: number) => {
    const share = yMax > 0 ? Math.min(1, Math.max(0, value / yMax)) : 0;
    return MARGIN.top + (1 - share) * plotHeight;
  };
  const runs = segments(times, props.gapMs);
  const point = (values: readonly number[], i: number) => `${x(times[i]).toFixed(1)},${y(values[i]).toFixed(1)}`;
  const indices = ([first, last]: [number, number]) => Array.from({ length: last - first + 1 }, (_, k) => first + k);

  const onMove = (event: MouseEvent<SVGSVGElement>) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const svgX = ((event.clientX - box.left) / box.width) * WIDTH;
    const ms = from + ((svgX - MARGIN.left) / plotWidth) * span;
    props.onHover(nearestIndex(times, ms));
  };

  // The arrow keys walk through the points, so the values can be read without a mouse.
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    if (times.length === 0 || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const current = hover ?? times.length;
    const next = event.key === 'ArrowLeft' ? current - 1 : current + 1;
    props.onHover(Math.min(times.length - 1, Math.max(0, next)));
  };

  return (
    <svg
      ref={svgRef}
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ display: 'block', maxHeight: 280, fontFamily: theme.typography.fontFamily }}
      onMouseMove={onMove}
      onMouseLeave={() => props.onHover(null)}
      tabIndex={0}
      onKeyDown={onKey}
      onBlur={() => props.onHover(null)}
    >
      <g data-testid="y-axis" fill={theme.palette.text.secondary} fontSize={11}>
        {props.yTicks.map(value => (
          <g key={value}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(value)}
              y2={y(value)}
              stroke={theme.palette.divider}
            />
            <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end">
              {props.formatY(value)}
            </text>
          </g>
        ))}
      </g>
      <g data-testid="x-axis" fill={theme.palette.text.secondary} fontSize={11}>
        {props.xTicks.map(ms => (
          <text key={ms} x={x(ms)} y={HEIGHT - 8} textAnchor="middle">
            {props.formatX(ms)}
          </text>
        ))}
      </g>
      {band &&
        runs.map(run => {
          const forward = indices(run).map(i => point(band.high, i));
          const backward = indices(run)
            .reverse()
            .map(i => point(band.low, i));
          return (
            <polygon
              key={`band-${run[0]}`}
              data-testid="chart-band"
              points={[...forward, ...backward].join(' ')}
              fill={colour}
              fillOpacity={0.18}
              stroke="none"
            />
          );
        })}
      {lines.map((line, l) =>
        runs.map(run =>
          run[0] === run[1] ? (
            // A lone point between two gaps would be an invisible line.
            <circle
              key={`line-${l}-${run[0]}`}
              data-testid="chart-line"
              cx={x(times[run[0]])}
              cy={y(line.values[run[0]])}
              r={2}
              fill={colour}
            />
          ) : (
            <polyline
              key={`line-${l}-${run[0]}`}
              data-testid="chart-line"
              points={indices(run)
                .map(i => point(line.values, i))
                .join(' ')}
              fill="none"
              stroke={colour}
              strokeWidth={line.dashed ? 1.25 : 2}
              strokeDasharray={line.dashed ? '4 3' : undefined}
              strokeLinejoin="round"
            />
          ),
        ),
      )}
      {hover !== null && hover >= 0 && hover < times.length && (
        <g data-testid="chart-hover" pointerEvents="none">
          <line
            x1={x(times[hover])}
            x2={x(times[hover])}
            y1={MARGIN.top}
            y2={HEIGHT - MARGIN.bottom}
            stroke={theme.palette.text.secondary}
            strokeDasharray="2 2"
          />
          {lines.map((line, l) => (
            <circle key={l} cx={x(times[hover])} cy={y(line.values[hover])} r={3.5} fill={colour} />
          ))}
        </g>
      )}
    </svg>
  );
}
