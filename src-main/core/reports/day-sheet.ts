import type { MoneyFormat } from '../../../src-shared/billing/money';
import type { DaySheet, DaySheetProvider } from '../../../src-shared/reports/day-sheet';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../../src-shared/scheduling/status';
import { localDayBounds } from '../../../src-shared/scheduling/time';
import { drawersOn } from '../billing/drawer-repository';
import { paymentsJournal } from '../billing/drawers';
import type { ReadDb } from '../db/handles';
import { issuedOn, visitsOfDay } from './day-sheet-repository';
import { appointmentsStarting } from './repository';
import type { ReportScope } from './scope';

/** More rows than any clinic takes in a day: the sheet lists every one (DAY_SHEET_DEFINITIONS.payments). */
const DAY_ROWS = 100_000;

function noStatuses(): Record<AppointmentStatus, number> {
  return Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])) as Record<AppointmentStatus, number>;
}

/**
 * The whole clinic's day (DAY_SHEET_DEFINITIONS), or one provider's appointments, visits and invoices
 * within it (DAY_SHEET_PROVIDER): appointments by provider and status, visits in and out, invoices issued, every payment, refund and reversal counted for the day with totals by method,
 * and each drawer's close. Money is read by the date it counts for from insert-only rows, so a day
 * whose drawers are closed reads the same whenever it is asked.
 */
export async function daySheet(db: ReadDb, scope: ReportScope, money: MoneyFormat, now: number): Promise<DaySheet> {
  const date = scope.filters.from;
  // One provider's appointments, visits and invoices when the filter names one; money stays the clinic's.
  const { providerId } = scope.filters;
  const { start, end } = localDayBounds(scope.timeZone, date);
  const appointments = await appointmentsStarting(db, start, end, { providerId, locationId: null, typeId: null });
  const byProvider = new Map<string, DaySheetProvider>();
  for (const row of appointments) {
    let provider = byProvider.get(row.provider_id);
    if (!provider) {
      const providerName = scope.providers.get(row.provider_id) ?? row.provider_id;
      provider = { providerId: row.provider_id, providerName, total: 0, byStatus: noStatuses() };
      byProvider.set(row.provider_id, provider);
    }
    provider.total += 1;
    provider.byStatus[row.status as AppointmentStatus] += 1;
  }
  const invoices = { issued: 0, issuedMinor: 0, creditNotes: 0, creditedMinor: 0 };
  for (const row of await issuedOn(db, date, providerId)) {
    if (row.kind === 'invoice') Object.assign(invoices, { issued: row.count, issuedMinor: row.amount ?? 0 });
    else Object.assign(invoices, { creditNotes: row.count, creditedMinor: row.amount ?? 0 });
  }
  const journal = await paymentsJournal(db, { from: date, to: date, limit: DAY_ROWS });
  const drawers = await drawersOn(db, date);
  return {
    date,
    providerId,
    providerName: scope.filters.providerName,
    ranAt: now,
    currency: scope.currency,
    money,
    closed: drawers.length > 0 && drawers.every((drawer) => drawer.closed_at !== null),
    appointments: {
      total: appointments.length,
      byProvider: [...byProvider.values()].sort((a, b) => a.providerName.localeCompare(b.providerName)),
    },
    visits: await visitsOfDay(db, date, providerId),
    invoices,
    // Oldest first, as the day went.
    payments: [...journal.rows].reverse(),
    byMethod: journal.byMethod,
    netMinor: journal.netMinor,
    drawers: drawers.map((drawer) => ({
      deskName: drawer.desk_name,
      openedBy: drawer.opened_by_name,
      floatMinor: drawer.float_minor,
      closedAt: drawer.closed_at,
      closedBy: drawer.closed_by_name,
      expectedCashMinor: drawer.expected_cash_minor,
      countedCashMinor: drawer.counted_cash_minor,
      overShortMinor: drawer.over_short_minor,
      overShortReason: drawer.over_short_reason,
    })),
  };
}

/** The patients the sheet names (its payments' payers), for the audit entry. */
export function patientsOnSheet(sheet: DaySheet): string[] {
  return [...new Set(sheet.payments.map((row) => row.patientId))];
}
