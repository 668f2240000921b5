import {
  HEAT_LEVELS,
  HEAT_WEEKDAYS,
  heatHours,
  heatScale,
  medianMinutes,
  type HeatCell,
} from '../../../../src-shared/reports/heat-map';
import { DEFINITIONS, type WaitingTimesReport } from '../../../../src-shared/reports/model';
import { i18next, useTranslation } from '../../i18n';

/**
 * The week's heat map of waiting times: weekdays down, hours of arrival across, each cell the median
 * arrival → out in minutes on a shade (darker is longer). Drawn as inline SVG like the bar charts
 * (BarChart.tsx says why no library). Colour is never the only signal: every cell prints its minutes, the
 * legend names each shade's range, each cell has a title with its figures, the picture's accessible name
 * says where the longest wait was, and a table under it has every figure.
 */

const CELL_W = 38;
const CELL_H = 28;
const LEFT = 52;
const TOP = 22;

/** Monday 1 January 2024 onwards: a week to name weekdays in the screen's language. */
function weekdayLabel(weekday: number, width: 'short' | 'long'): string {
  return new Date(Date.UTC(2024, 0, weekday)).toLocaleDateString(
    i18next.language === 'en' ? 'en-GB' : i18next.language,
    { weekday: width, timeZone: 'UTC' },
  );
}

const weekdayName = (weekday: number) => weekdayLabel(weekday, 'long');
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const minutesOf = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));

export function HeatMap({ report }: { report: WaitingTimesReport }) {
  const { t } = useTranslation('reports');
  const cells = report.byWeekdayHour;
  const hours = heatHours(cells);
  const scale = heatScale(cells);
  const byKey = new Map(cells.map((cell) => [`${cell.weekday}|${cell.hour}`, cell]));
  const title = t('HeatMap.title');
  const longest = cells.reduce<HeatCell | null>(
    (worst, cell) => ((cell.medianSeconds ?? 0) > (worst?.medianSeconds ?? -1) ? cell : worst),
    null,
  );
  const figures = (cell: HeatCell) => ({
    weekday: weekdayName(cell.weekday),
    hour: hourLabel(cell.hour),
    median: minutesOf(cell.medianSeconds) ?? '—',
    p90: minutesOf(cell.p90Seconds) ?? '—',
    visits: cell.visits,
  });
  const width = LEFT + hours.length * CELL_W + 2;
  const height = TOP + HEAT_WEEKDAYS.length * CELL_H + 2;
  const range = (level: number) =>
    level === HEAT_LEVELS - 1
      ? t('HeatMap.orMore', { from: scale.from(level) })
      : t('HeatMap.range', { from: scale.from(level), to: scale.from(level + 1) - 1 });

  return (
    <figure className="report-chart heat-map">
      <figcaption>{title}</figcaption>
      {hours.length === 0 ? (
        <p className="hint">{t('ReportCharts.noWaits')}</p>
      ) : (
        <>
          <ul className="chart-legend" aria-label={t('HeatMap.legend')}>
            {Array.from({ length: HEAT_LEVELS }, (_, level) => (
              <li key={level}>
                <svg width="18" height="12" aria-hidden="true">
                  <rect x="1" y="1" width="16" height="10" className={`heat-${level}`} />
                </svg>
                {range(level)}
              </li>
            ))}
          </ul>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            role="img"
            aria-label={longest === null ? t('ReportCharts.noWaits') : t('HeatMap.summary', figures(longest))}
            className="heat-map-svg"
          >
            {hours.map((hour, column) => (
              <text
                key={hour}
                x={LEFT + column * CELL_W + CELL_W / 2}
                y={TOP - 7}
                textAnchor="middle"
                className="chart-tick"
              >
                {String(hour).padStart(2, '0')}
              </text>
            ))}
            {HEAT_WEEKDAYS.map((weekday, row) => (
              <g key={weekday}>
                <text x={LEFT - 6} y={TOP + row * CELL_H + CELL_H / 2 + 4} textAnchor="end" className="chart-tick">
                  {weekdayLabel(weekday, 'short')}
                </text>
                {hours.map((hour, column) => {
                  const cell = byKey.get(`${weekday}|${hour}`);
                  const median = cell ? medianMinutes(cell) : null;
                  const level = median === null ? null : scale.level(median);
                  const x = LEFT + column * CELL_W;
                  const y = TOP + row * CELL_H;
                  return (
                    <g key={hour}>
                      <rect
                        x={x + 1}
                        y={y + 1}
                        width={CELL_W - 2}
                        height={CELL_H - 2}
                        className={level === null ? 'heat-empty' : `heat-${level}`}
                      >
                        <title>
                          {cell
                            ? t('HeatMap.cell', figures(cell))
                            : t('HeatMap.emptyCell', {
                                weekday: weekdayName(weekday),
                                hour: hourLabel(hour),
                              })}
                        </title>
                      </rect>
                      {median !== null && level !== null && (
                        <text
                          x={x + CELL_W / 2}
                          y={y + CELL_H / 2 + 4}
                          textAnchor="middle"
                          className={level >= 3 ? 'heat-text heat-text-dark' : 'heat-text'}
                        >
                          {median}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
        </>
      )}
      <p className="hint">{DEFINITIONS.waitsByWeekdayHour}</p>
      <details>
        <summary>{t('BarChart.figures', { title })}</summary>
        <table className="ledger">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('HeatMap.weekday')}</th>
              <th scope="col">{t('ReportCharts.hourOfArrival')}</th>
              <th scope="col" className="num">
                {t('ReportsScreen.visits')}
              </th>
              <th scope="col" className="num">
                {t('ReportCharts.median')}
              </th>
              <th scope="col" className="num">
                {t('ReportCharts.p90')}
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => {
              const f = figures(cell);
              return (
                <tr key={`${cell.weekday}|${cell.hour}`}>
                  <th scope="row">{f.weekday}</th>
                  <td>{f.hour}</td>
                  <td className="num">{cell.visits}</td>
                  <td className="num">{t('HeatMap.minutes', { minutes: f.median })}</td>
                  <td className="num">{t('HeatMap.minutes', { minutes: f.p90 })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
