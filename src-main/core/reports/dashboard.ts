import type { AppointmentsReport, Dashboard, DashboardFigures } from '../../../src-shared/reports/model';
import { addDays, daysBetween, localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import { billingContext } from '../billing/context';
import { arAgeing } from '../billing/statements';
import { stockContext } from '../stock/context';
import { stockAlertCounts } from '../stock/views';
import { appointmentsReport } from './appointments';
import { patientsRegistered } from './repository';
import { revenueReport } from './revenue';
import type { ReportScope } from './scope';
import { utilisation } from './utilisation';
import { waitingTimesReport } from './waiting-times';

const LATE_CANCEL_HOURS = 24;

/** The range just before `from`, as many days long as from…to. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

async function figures(
  ctx: HandlerContext,
  scope: ReportScope,
  seesMoney: boolean,
): Promise<{ figures: DashboardFigures; appointments: AppointmentsReport }> {
  const { from, to } = scope.filters;
  const appointments = await appointmentsReport(ctx.db, scope, LATE_CANCEL_HOURS, ctx.now);
  const waits = await waitingTimesReport(ctx.db, scope, ctx.now);
  const start = localDayBounds(scope.timeZone, from).start;
  const end = localDayBounds(scope.timeZone, to).end;
  const wait = waits.phases.find((phase) => phase.phase === 'arrivalToOut') ?? {
    phase: 'arrivalToOut' as const,
    visits: 0,
    medianSeconds: null,
    p90Seconds: null,
  };
  let revenue: DashboardFigures['revenue'] = null;
  if (seesMoney) {
    const report = await revenueReport(ctx.db, scope, (await billingContext(ctx.db, ctx.now)).money, ctx.now);
    revenue = { netInvoicedMinor: report.totals.netInvoicedMinor, collectedMinor: report.totals.collectedMinor };
  }
  return {
    figures: {
      appointments: appointments.totals,
      newPatients: await patientsRegistered(ctx.db, start, end),
      wait,
      revenue,
    },
    appointments,
  };
}

/**
 * Utilisation is against the provider's hours at every location, so it counts every booking whatever
 * location or type narrows the appointment figures.
 */
async function allLocationsAndTypes(
  ctx: HandlerContext,
  scope: ReportScope,
  narrowed: AppointmentsReport,
): Promise<AppointmentsReport> {
  if (scope.filters.locationId === null && scope.filters.typeId === null) return narrowed;
  const wide = { ...scope.filters, locationId: null, locationName: null, typeId: null, typeName: null };
  return appointmentsReport(ctx.db, { ...scope, filters: wide }, LATE_CANCEL_HOURS, ctx.now);
}

/**
 * The manager's home: the chosen period against the one just before it (appointments, no-show rate,
 * new patients, waits, revenue), and what stands today (A/R outstanding, the stock room's alerts).
 * Money and stock appear only for those allowed to see them.
 */
export async function dashboard(ctx: HandlerContext, scope: ReportScope): Promise<Dashboard> {
  const permissions = ctx.session?.permissions;
  const seesMoney = permissions?.has('billing:read') ?? false;
  const seesStock = permissions?.has('stock:read') ?? false;
  const previous = previousRange(scope.filters.from, scope.filters.to);
  const current = await figures(ctx, scope, seesMoney);
  const before = (await figures(ctx, { ...scope, filters: { ...scope.filters, ...previous } }, seesMoney)).figures;
  let outstandingMinor: number | null = null;
  let money: Dashboard['money'] = null;
  if (seesMoney) {
    const billing = await billingContext(ctx.db, ctx.now);
    const ageing = await arAgeing(ctx.db, billing, 0);
    outstandingMinor = ageing.byPatient.totalMinor + ageing.byPayer.totalMinor;
    money = billing.money;
  }
  let stock: Dashboard['stock'] = null;
  if (seesStock) {
    stock = await stockAlertCounts(ctx.db, await stockContext(ctx.db, ctx.now, ctx.actor));
  }
  return {
    filters: scope.filters,
    previous,
    ranAt: ctx.now,
    current: current.figures,
    before,
    utilisation: await utilisation(ctx.db, scope, await allLocationsAndTypes(ctx, scope, current.appointments)),
    outstandingMinor,
    money,
    stock,
  };
}
