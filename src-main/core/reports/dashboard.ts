import { ageingTotal } from '../../../src-shared/billing/ageing';
import type { AppointmentsReport, Dashboard, DashboardFigures } from '../../../src-shared/reports/model';
import { addDays, daysBetween, localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import { billingContext } from '../billing/context';
import { arAgeing } from '../billing/statements';
import { stockContext } from '../stock/context';
import { stockAlertCounts } from '../stock/views';
import { registeredBetween } from './aggregate-repository';
import { AGGREGATE_LATE_CANCEL_HOURS, aggregateWriter, aggregatesReady } from './aggregates';
import { appointmentsReport } from './appointments';
import { ageingTotals } from './receivables';
import { patientsRegistered } from './repository';
import { revenueReport } from './revenue';
import type { ReportScope } from './scope';
import { utilisation } from './utilisation';
import { waitingTimesReport } from './waiting-times';

/** The dashboard's late-cancel window: the one the daily aggregates count with. */
const LATE_CANCEL_HOURS = AGGREGATE_LATE_CANCEL_HOURS;

/** The range just before `from`, as many days long as from…to. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

async function figures(
  ctx: HandlerContext,
  scope: ReportScope,
  seesMoney: boolean,
  aggregates: boolean,
): Promise<{ figures: DashboardFigures; appointments: AppointmentsReport }> {
  const { from, to } = scope.filters;
  const appointments = await appointmentsReport(ctx.db, scope, LATE_CANCEL_HOURS, ctx.now, aggregates, false);
  const waits = await waitingTimesReport(ctx.db, scope, ctx.now, aggregates, 'arrivalToOut');
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
    const money = (await billingContext(ctx.db, ctx.now)).money;
    const report = await revenueReport(ctx.db, scope, money, ctx.now, aggregates, false);
    revenue = { netInvoicedMinor: report.totals.netInvoicedMinor, collectedMinor: report.totals.collectedMinor };
  }
  return {
    figures: {
      appointments: appointments.totals,
      newPatients: aggregates
        ? await registeredBetween(ctx.db, from, to)
        : await patientsRegistered(ctx.db, start, end),
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
  aggregates: boolean,
): Promise<AppointmentsReport> {
  if (scope.filters.locationId === null && scope.filters.typeId === null) return narrowed;
  const wide = { ...scope.filters, locationId: null, locationName: null, typeId: null, typeName: null };
  return appointmentsReport(ctx.db, { ...scope, filters: wide }, LATE_CANCEL_HOURS, ctx.now, aggregates, false);
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
  const aggregates = await aggregatesReady(ctx, scope.timeZone);
  const current = await figures(ctx, scope, seesMoney, aggregates);
  const previousScope = { ...scope, filters: { ...scope.filters, ...previous } };
  const before = (await figures(ctx, previousScope, seesMoney, aggregates)).figures;
  let outstandingMinor: number | null = null;
  let money: Dashboard['money'] = null;
  if (seesMoney) {
    const billing = await billingContext(ctx.db, ctx.now);
    const totals = aggregates ? await ageingTotals(ctx.db, billing.today) : null;
    if (totals) outstandingMinor = ageingTotal(totals.patients) + ageingTotal(totals.payerTotals);
    else {
      const ageing = await arAgeing(ctx.db, billing, 0);
      outstandingMinor = ageing.byPatient.totalMinor + ageing.byPayer.totalMinor;
    }
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
    utilisation: await utilisation(
      ctx.db,
      scope,
      await allLocationsAndTypes(ctx, scope, current.appointments, aggregates),
      aggregateWriter(ctx),
    ),
    outstandingMinor,
    money,
    stock,
  };
}
