import { useId } from 'react';
import { useTranslation } from '../../i18n';

/**
 * A bar chart drawn as inline SVG, stacked or grouped, written here rather than taken from a library:
 * the three charts the reports need are bars over a handful of series, which is ~150 lines of SVG,
 * where the smallest maintained libraries add 20–100 KiB gzipped to a bundle already ~300 KiB (see
 * docs/architecture.md, Reports). Every chart names its axes on screen, tells each series apart by a
 * fill pattern as well as a colour (the legend shows both with the name), carries a one-sentence summary
 * as its accessible name, and has its exact figures in a table under it.
 */

export type Fill = 'solid' | 'hatch' | 'dots' | 'outline';

export interface Series {
  name: string;
  values: number[];
  fill: Fill;
  colour: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 88;
const BOTTOM = 44;
const TOP = 10;
const RIGHT = 8;

/** A round step giving about four gridlines up to `max`, never less than `least`. */
function niceStep(max: number, least: number): number {
  if (max <= 0) return least;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(least, step);
}

export function BarChart({
  title,
  summary,
  xLabel,
  yLabel,
  categories,
  series,
  mode,
  format = String,
  leastStep = 1,
}: {
  title: string;
  /** What a person looking would take from it, read out instead of the picture. */
  summary: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: Series[];
  mode: 'stacked' | 'grouped';
  format?: (value: number) => string;
  /**
   * The smallest gridline step: counts are whole (1), money axes go in whole currency units (100 minor
   * units for pounds), so a day with nothing reads £0.00 to £1.00 rather than up to £0.01.
   */
  leastStep?: number;
}) {
  const { t } = useTranslation('reports');
  const id = useId().replaceAll(':', '');
  const totals = categories.map((_, i) =>
    mode === 'stacked'
      ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const step = niceStep(Math.max(0, ...totals), leastStep);
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plotH - (Math.max(0, value) / top) * plotH;
  const band = plotW / Math.max(1, categories.length);
  // A lone day's bar stays a bar, not a wall.
  const barW = Math.min(96, Math.max(2, band * 0.7));
  // Enough labels to read the axis without them running into each other.
  const every = Math.max(1, Math.ceil(categories.length / 12));
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  const fillOf = (s: Series, index: number) =>
    s.fill === 'solid' ? s.colour : s.fill === 'outline' ? 'var(--surface)' : `url(#${id}-${index})`;

  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <ul className="chart-legend" aria-label={t('BarChart.legend')}>
        {series.map((s, index) => (
          <li key={s.name}>
            <svg width="18" height="12" aria-hidden="true">
              <rect x="1" y="1" width="16" height="10" style={{ fill: fillOf(s, index), stroke: s.colour }} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="chart-svg">
        <defs>
          {series.map((s, index) => (
            <pattern key={s.name} id={`${id}-${index}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" style={{ fill: 'var(--surface)' }} />
              {s.fill === 'hatch' ? (
                <path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" style={{ stroke: s.colour, strokeWidth: 1.5 }} />
              ) : (
                <circle cx="3" cy="3" r="1.6" style={{ fill: s.colour }} />
              )}
            </pattern>
          ))}
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
              {format(v)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          let base = 0;
          const x0 = LEFT + i * band + (band - barW) / 2;
          const w = mode === 'stacked' ? barW : barW / Math.max(1, series.length);
          return (
            <g key={category}>
              {series.map((s, index) => {
                const value = Math.max(0, s.values[i] ?? 0);
                const from = mode === 'stacked' ? base : 0;
                base += value;
                if (value === 0) return null;
                return (
                  <rect
                    key={s.name}
                    x={mode === 'stacked' ? x0 : x0 + index * w}
                    y={y(from + value)}
                    width={w}
                    height={y(from) - y(from + value)}
                    style={{ fill: fillOf(s, index), stroke: s.colour }}
                  >
                    <title>{`${category}: ${s.name} ${format(s.values[i] ?? 0)}`}</title>
                  </rect>
                );
              })}
              {i % every === 0 && (
                <text
                  x={LEFT + i * band + band / 2}
                  y={HEIGHT - BOTTOM + 16}
                  textAnchor="middle"
                  className="chart-tick"
                >
                  {category}
                </text>
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} className="chart-axis" />
        <text x={LEFT + plotW / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis-label">
          {xLabel}
        </text>
        <text
          transform={`translate(12 ${TOP + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis-label"
        >
          {yLabel}
        </text>
      </svg>
      <details>
        <summary>{t('BarChart.figures', { title })}</summary>
        <table className="ledger">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="num">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td key={s.name} className="num">
                    {format(s.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
