import type { AppointmentsReport, ProviderUtilisation } from '../../../src-shared/reports/model';
import { providerDay } from '../../../src-shared/scheduling/availability';
import { addDays } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { loadRules } from '../scheduling/config';
import { datesOf, type ReportScope } from './scope';

/**
 * Each provider's booked minutes ÷ the minutes their weekly hours offered over the range, less breaks,
 * time off and clinic holidays (DEFINITIONS.utilisation). A provider with no hours in the range has no
 * figure rather than an infinite one.
 */
export async function utilisation(
  db: ReadDb,
  scope: ReportScope,
  appointments: AppointmentsReport,
): Promise<ProviderUtilisation[]> {
  const { from, to, providerId } = scope.filters;
  const providerIds = providerId === null ? [...scope.providers.keys()] : [providerId];
  const rules = await loadRules(db, providerIds, from, to);
  const dates = datesOf(from, to, addDays);
  const booked = new Map(appointments.byProvider.map((row) => [row.providerId, row.bookedMinutes]));
  return providerIds
    .map((id) => {
      let availableMinutes = 0;
      for (const date of dates)
        for (const interval of providerDay(scope.timeZone, date, id, rules).intervals)
          availableMinutes += Math.round((interval.end - interval.start) / 60_000);
      const bookedMinutes = booked.get(id) ?? 0;
      return {
        providerId: id,
        providerName: scope.providers.get(id) ?? '',
        bookedMinutes,
        availableMinutes,
        percent: availableMinutes === 0 ? null : Math.round((bookedMinutes * 1000) / availableMinutes) / 10,
      };
    })
    .filter((row) => row.availableMinutes > 0 || row.bookedMinutes > 0)
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
}
