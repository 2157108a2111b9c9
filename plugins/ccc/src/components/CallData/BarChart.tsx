import { useTheme } from '@material-ui/core/styles';

/** One bar of a {@link BarChart}. */
export interface Bar {
  /** Under the bar (may be left empty to thin out the axis). */
  axisLabel: string;
  value: number;
  /** Part of the value drawn darker, e.g. the answered calls of all calls. */
  part: number;
  /** Read out and shown on hover. */
  title: string;
}

const WIDTH = 720;
const HEIGHT = 200;
const MARGIN = { left: 48, right: 8, top: 8, bottom: 24 };

/**
 * Bars as SVG, like the monitoring charts without a chart library: each bar its value, its part darker, the
 * highest value on the axis. Every bar carries its figures as a title, so they can be read without seeing.
 */
export function BarChart({ label, bars }: { label: string; bars: readonly Bar[] }) {
  const theme = useTheme();
  const max = Math.max(1, ...bars.map(b => b.value));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={label} style={{ maxWidth: WIDTH }}>
      <line
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={MARGIN.top + plotHeight}
        y2={MARGIN.top + plotHeight}
        stroke={theme.palette.divider}
      />
      <text x={MARGIN.left - 6} y={MARGIN.top + 10} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
        {max.toLocaleString()}
      </text>
      <text
        x={MARGIN.left - 6}
        y={MARGIN.top + plotHeight}
        textAnchor="end"
        fontSize={11}
        fill={theme.palette.text.secondary}
      >
        0
      </text>
      {bars.map((bar, i) => {
        const x = MARGIN.left + i * step + (step - barWidth) / 2;
        return (
          <g key={i}>
            <title>{bar.title}</title>
            <rect
              x={x}
              width={barWidth}
              y={y(bar.value)}
              height={MARGIN.top + plotHeight - y(bar.value)}
              fill={theme.palette.primary.light}
            />
            <rect
              x={x}
              width={barWidth}
              y={y(bar.part)}
              height={MARGIN.top + plotHeight - y(bar.part)}
              fill={theme.palette.primary.dark}
            />
            {bar.axisLabel && (
              <text
                x={x + barWidth / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
                fontSize={10}
                fill={theme.palette.text.secondary}
              >
                {bar.axisLabel}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
