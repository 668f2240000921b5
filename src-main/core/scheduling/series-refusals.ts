import type { SeriesRefusal } from '../../../src-shared/api/areas/series';
import { ApiError } from '../../../src-shared/api/errors';
import type { ClinicWording } from '../../../src-shared/locale/date-format';

/**
 * How a series says which of its dates the rules refused: each date in the clinic's date format, with
 * the occurrence's own refusals (already worded in the clinic's formats by appointments.ts).
 */

/** A rule refusal of one occurrence, as data; anything else (a bad patient id ...) is rethrown. */
export function refusalOf(error: unknown, index: number, date: string, time: string): SeriesRefusal {
  if (!(error instanceof ApiError)) throw error;
  const timeProblem = error.code === 'VALIDATION' ? error.details?.fields?.['start.time'] : undefined;
  if (timeProblem !== undefined)
    return { index, date, time, problems: [{ code: 'no_such_time', message: `${timeProblem}.` }] };
  if (error.code !== 'CONFLICT') throw error;
  const listed = error.details?.problems;
  const problems = Array.isArray(listed)
    ? (listed as { code: string; message: string }[])
    : [{ code: 'conflict', message: error.message }];
  return { index, date, time, problems };
}

export function refuseDates(refused: SeriesRefusal[], total: number, verb: string, wording: ClinicWording): never {
  const dates = refused.map((r) => wording.date(r.date)).join(', ');
  const each = refused.map((r) => `${wording.date(r.date)}: ${r.problems.map((p) => p.message).join(' ')}`);
  throw new ApiError(
    'CONFLICT',
    `${refused.length} of ${total} dates cannot be ${verb} (${dates}), so none was. ${each.join(' ')}`,
    { occurrences: refused, total },
  );
}
