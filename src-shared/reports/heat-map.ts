import type { WaitingTimesReport } from './model';

/**
 * The week's heat map of waiting times (DEFINITIONS.waitsByWeekdayHour), laid out once for the screen and
 * the PDF: which hours it spans and which of five shades each cell's median falls in.
 */

export type HeatCell = WaitingTimesReport['byWeekdayHour'][number];

/** Monday (1) to Sunday (7): every row shows, so a day with no visits reads as empty, not missing. */
export const HEAT_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** How many shades the scale has. */
export const HEAT_LEVELS = 5;

/** Every hour from the earliest to the latest with a visit on any weekday (the gaps between kept). */
export function heatHours(cells: readonly HeatCell[]): number[] {
  if (cells.length === 0) return [];
  const hours = cells.map((c) => c.hour);
  const first = Math.min(...hours);
  return Array.from({ length: Math.max(...hours) - first + 1 }, (_, i) => first + i);
}

/** Round minute steps a scale may take. */
const STEPS = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240];

/**
 * Five shades of equal width in whole minutes, a round step wide, so that the longest median falls in the
 * darkest: `level(minutes)` is 0 (lightest) to 4; `from(level)` the first minute a level holds.
 */
export function heatScale(cells: readonly HeatCell[]): {
  step: number;
  level: (minutes: number) => number;
  from: (level: number) => number;
} {
  const longest = Math.max(0, ...cells.map((c) => Math.round((c.medianSeconds ?? 0) / 60)));
  const wanted = Math.ceil((longest + 1) / HEAT_LEVELS);
  const step = STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 60) * 60;
  return {
    step,
    level: (minutes) => Math.min(HEAT_LEVELS - 1, Math.max(0, Math.floor(minutes / step))),
    from: (level) => level * step,
  };
}

/** A cell's median in whole minutes (the histogram counts whole minutes, so this is exact). */
export const medianMinutes = (cell: HeatCell): number | null =>
  cell.medianSeconds === null ? null : Math.round(cell.medianSeconds / 60);
