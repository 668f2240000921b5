import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import { DAY_MINUTES, isoWeekday, localDayBounds, wallRangeToInstants } from './time';

/**
 * A provider's bookable time on one local date, from wall-clock rules. Pure: core loads the rules,
 * the renderer may shade a calendar with the same function.
 *
 * Order of rules: weekly templates (minus their breaks) for the date's weekday and validity; a clinic
 * holiday removes the template hours of the locations it covers; extra hours are added (an explicit
 * exception beats a general holiday); time off is removed last. Every wall-clock range becomes the
 * instants at which the clinic's clock reads within it (see wallRangeToInstants), so 09:00 stays
 * 09:00 across a DST change.
 */

/** Minutes since local midnight, [start, end). */
export interface MinuteRange {
  start: number;
  end: number;
}

export interface TemplateRule {
  id: string;
  providerId: string;
  locationId: string;
  /** 1 = Monday ... 7 = Sunday. */
  weekday: number;
  start: number;
  end: number;
  breaks: MinuteRange[];
  validFrom: string | null;
  validUntil: string | null;
}

export type ExceptionKind = 'time_off' | 'extra_hours';

export interface ExceptionRule {
  id: string;
  providerId: string;
  /** Null for time off everywhere; extra hours always name a location. */
  locationId: string | null;
  kind: ExceptionKind;
  /** First and last local date, inclusive. */
  date: string;
  endDate: string;
  /** Null (both) for whole days. */
  start: number | null;
  end: number | null;
  reason: string | null;
}

export interface HolidayRule {
  id: string;
  date: string;
  /** Null: every location. */
  locationId: string | null;
  name: string;
}

export interface ScheduleRules {
  templates: readonly TemplateRule[];
  exceptions: readonly ExceptionRule[];
  holidays: readonly HolidayRule[];
}

export interface LocatedInterval extends Interval {
  locationId: string;
}

export interface DayAvailability {
  providerId: string;
  date: string;
  /** Sorted by start; merged within each location. */
  intervals: LocatedInterval[];
  /** Holidays on the date that removed template hours. */
  holidays: HolidayRule[];
  /** Time off that removed something, with what it removed. */
  timeOff: { rule: ExceptionRule; removed: Interval[] }[];
  /** Template hours before holidays and time off, per location: to say what the hours would have been. */
  templateHours: LocatedInterval[];
}

function minus(range: MinuteRange, cuts: readonly MinuteRange[]): MinuteRange[] {
  let pieces: MinuteRange[] = [range];
  for (const cut of cuts) {
    pieces = pieces.flatMap((piece) => {
      if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
      const left = { start: piece.start, end: Math.max(piece.start, cut.start) };
      const right = { start: Math.min(piece.end, cut.end), end: piece.end };
      return [left, right].filter((p) => p.end > p.start);
    });
  }
  return pieces;
}

function covers(rule: { date: string; endDate: string }, date: string): boolean {
  return rule.date <= date && date <= rule.endDate;
}

export function templateApplies(template: TemplateRule, date: string, weekday = isoWeekday(date)): boolean {
  return (
    template.weekday === weekday &&
    (template.validFrom === null || template.validFrom <= date) &&
    (template.validUntil === null || date <= template.validUntil)
  );
}

function wallToInstants(zone: string, date: string, range: MinuteRange): Interval[] {
  return wallRangeToInstants(zone, date, range.start, range.end);
}

export function providerDay(zone: string, date: string, providerId: string, rules: ScheduleRules): DayAvailability {
  const weekday = isoWeekday(date);
  const byLocation = new Map<string, Interval[]>();
  const templateHours = new Map<string, Interval[]>();
  const add = (map: Map<string, Interval[]>, locationId: string, intervals: Interval[]) => {
    const list = map.get(locationId);
    if (list) list.push(...intervals);
    else map.set(locationId, [...intervals]);
  };

  for (const template of rules.templates) {
    if (template.providerId !== providerId || !templateApplies(template, date, weekday)) continue;
    for (const range of minus({ start: template.start, end: template.end }, template.breaks)) {
      add(templateHours, template.locationId, wallToInstants(zone, date, range));
    }
  }

  const holidays = rules.holidays.filter((h) => h.date === date);
  for (const [locationId, intervals] of templateHours) {
    if (holidays.some((h) => h.locationId === null || h.locationId === locationId)) continue;
    add(byLocation, locationId, intervals);
  }
  const appliedHolidays = holidays.filter((h) =>
    [...templateHours.keys()].some((locationId) => h.locationId === null || h.locationId === locationId),
  );

  const exceptions = rules.exceptions.filter((e) => e.providerId === providerId && covers(e, date));
  for (const extra of exceptions) {
    if (extra.kind !== 'extra_hours' || extra.locationId === null) continue;
    add(
      byLocation,
      extra.locationId,
      wallToInstants(zone, date, { start: extra.start ?? 0, end: extra.end ?? DAY_MINUTES }),
    );
  }

  const timeOff: DayAvailability['timeOff'] = [];
  for (const off of exceptions) {
    if (off.kind !== 'time_off') continue;
    const cut =
      off.start === null || off.end === null
        ? [localDayBounds(zone, date)]
        : wallToInstants(zone, date, { start: off.start, end: off.end });
    const removed: Interval[] = [];
    for (const [locationId, intervals] of byLocation) {
      if (off.locationId !== null && off.locationId !== locationId) continue;
      const kept = subtractIntervals(intervals, cut);
      removed.push(...subtractIntervals(intervals, kept));
      byLocation.set(locationId, kept);
    }
    if (removed.length > 0) timeOff.push({ rule: off, removed: mergeIntervals(removed) });
  }

  const located = (map: Map<string, Interval[]>): LocatedInterval[] =>
    [...map]
      .flatMap(([locationId, intervals]) => mergeIntervals(intervals).map((i) => ({ ...i, locationId })))
      .sort((a, b) => a.start - b.start || (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0));

  return {
    providerId,
    date,
    intervals: located(byLocation),
    holidays: appliedHolidays,
    timeOff,
    templateHours: located(templateHours),
  };
}

/**
 * The rules split per provider (holidays shared), so that expanding many providers' days looks only
 * at each provider's own templates and exceptions.
 */
export function rulesByProvider(rules: ScheduleRules, providerIds: readonly string[]): Map<string, ScheduleRules> {
  const templates = new Map<string, TemplateRule[]>(providerIds.map((id) => [id, []]));
  const exceptions = new Map<string, ExceptionRule[]>(providerIds.map((id) => [id, []]));
  for (const template of rules.templates) templates.get(template.providerId)?.push(template);
  for (const exception of rules.exceptions) exceptions.get(exception.providerId)?.push(exception);
  return new Map(
    providerIds.map((id) => [
      id,
      { templates: templates.get(id) ?? [], exceptions: exceptions.get(id) ?? [], holidays: rules.holidays },
    ]),
  );
}
