import { HEAT_LEVELS, HEAT_WEEKDAYS, heatHours, heatScale, medianMinutes } from '../../../src-shared/reports/heat-map';
import { DEFINITIONS, narrowedByLocationOrType, type WaitingTimesReport } from '../../../src-shared/reports/model';
import { weekdayName } from '../../../src-shared/scheduling/time';
import type { PrintContext } from '../billing/pdf/documents';
import { PdfWriter, type Column } from '../billing/pdf/layout';
import { definitions, head } from './pdf';

/**
 * Waiting times as PDF: the steps, the week's heat map as a table of median minutes (shaded grey, darker
 * when longer; the number is always printed, so the page reads the same on a black-and-white printer),
 * every weekday-hour's figures, and the definitions word for word as the screen and the CSV state them.
 */

const STEP_NAMES: Record<WaitingTimesReport['phases'][number]['phase'], string> = {
  arrivalToRoom: 'Arrival -> room',
  roomToSeen: 'Room -> seen',
  seenToOut: 'Seen -> out',
  arrivalToOut: 'Arrival -> out',
};
const FIGURE_COLUMNS: Column[] = [
  { width: 139 },
  ...Array.from({ length: 3 }, () => ({ width: 90, align: 'right' as const })),
];
const minutes = (seconds: number | null) => (seconds === null ? '-' : `${Math.round(seconds / 60)} min`);
const hourOf = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export async function waitingTimesPdf(report: WaitingTimesReport, p: PrintContext, ranBy: string) {
  const w = await PdfWriter.create('Waiting times report');
  head(w, 'Waiting times', report.filters, p, ranBy, report.ranAt);
  w.text(`Visits not cancelled: ${report.visits}`);
  w.space();
  w.row(['Step', 'Visits', 'Median', '90th percentile'], FIGURE_COLUMNS, { bold: true });
  w.rule();
  for (const phase of report.phases)
    w.row(
      [STEP_NAMES[phase.phase], String(phase.visits), minutes(phase.medianSeconds), minutes(phase.p90Seconds)],
      FIGURE_COLUMNS,
    );
  w.space();
  heatTable(w, report);
  w.space();
  w.text('By weekday and hour of arrival: the figures', { bold: true });
  w.row(['Weekday, hour', 'Visits', 'Median', '90th percentile'], FIGURE_COLUMNS, { bold: true });
  w.rule();
  for (const cell of report.byWeekdayHour)
    w.row(
      [
        `${weekdayName(cell.weekday)} ${hourOf(cell.hour)}`,
        String(cell.visits),
        minutes(cell.medianSeconds),
        minutes(cell.p90Seconds),
      ],
      FIGURE_COLUMNS,
    );
  definitions(w, [
    DEFINITIONS.waits,
    DEFINITIONS.waitsByWeekdayHour,
    DEFINITIONS.percentiles,
    ...(narrowedByLocationOrType(report.filters) ? [DEFINITIONS.waitsNarrowed] : []),
  ]);
  return w.finish(`waitingTimes-${report.filters.from}-to-${report.filters.to}.pdf`);
}

/** Weekdays down, hours across, each cell the median in minutes on its shade. */
function heatTable(w: PdfWriter, report: WaitingTimesReport): void {
  w.text('Arrival -> out by weekday and hour of arrival: median minutes (darker is longer)', { bold: true });
  const hours = heatHours(report.byWeekdayHour);
  if (hours.length === 0) {
    w.text('No visit arrived and was checked out in the range.', { size: 9 });
    return;
  }
  const label = 70;
  const width = Math.min(40, Math.floor((w.contentWidth - label) / hours.length));
  const columns: Column[] = [{ width: label }, ...hours.map(() => ({ width, align: 'right' as const }))];
  const scale = heatScale(report.byWeekdayHour);
  const cells = new Map(report.byWeekdayHour.map((c) => [`${c.weekday}|${c.hour}`, c]));
  w.row(['', ...hours.map((h) => String(h).padStart(2, '0'))], columns, { bold: true, size: 8 });
  for (const weekday of HEAT_WEEKDAYS) {
    const row = hours.map((h) => cells.get(`${weekday}|${h}`));
    const values = row.map((cell) => (cell ? medianMinutes(cell) : null));
    w.row([weekdayName(weekday), ...values.map((m) => (m === null ? '' : String(m)))], columns, {
      size: 8,
      shades: [null, ...values.map((m) => (m === null ? null : scale.level(m) / (HEAT_LEVELS - 1)))],
    });
  }
  const legend = Array.from({ length: HEAT_LEVELS }, (_, level) =>
    level === HEAT_LEVELS - 1 ? `${scale.from(level)}+ min` : `${scale.from(level)}-${scale.from(level + 1) - 1} min`,
  );
  w.text(`Shades, lightest to darkest: ${legend.join(', ')}.`, { size: 8 });
}
