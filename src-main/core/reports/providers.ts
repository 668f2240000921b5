import type { AppointmentCounts, ProviderFigures, ProvidersReport } from '../../../src-shared/reports/model';
import { localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import { billingContext } from '../billing/context';
import { aggregateWriter, aggregatesReady } from './aggregates';
import { appointmentsReport } from './appointments';
import { providerMoney } from './money-aggregate-repository';
import { collectedByProvider, invoicedByProvider, type ProviderAmount } from './provider-repository';
import type { ReportScope } from './scope';
import { utilisation } from './utilisation';

const noAppointments = (): AppointmentCounts => ({
  booked: 0,
  completed: 0,
  cancelled: 0,
  lateCancelled: 0,
  earlyCancelled: 0,
  noShows: 0,
  due: 0,
  noShowRatePercent: null,
  bookedMinutes: 0,
});

/** The counts alone, without the row's provider. */
function countsOf(row: AppointmentCounts): AppointmentCounts {
  const { booked, completed, cancelled, lateCancelled, earlyCancelled, noShows, due, noShowRatePercent } = row;
  const { bookedMinutes } = row;
  return {
    booked,
    completed,
    cancelled,
    lateCancelled,
    earlyCancelled,
    noShows,
    due,
    noShowRatePercent,
    bookedMinutes,
  };
}

type Money = NonNullable<ProviderFigures['money']>;
const noMoney = (): Money => ({ invoicedMinor: 0, creditedMinor: 0, netInvoicedMinor: 0, collectedMinor: 0 });

function addMoney(money: Map<string | null, Money>, row: ProviderAmount): void {
  let figures = money.get(row.provider_id);
  if (!figures) money.set(row.provider_id, (figures = noMoney()));
  if (row.kind === 'invoice') figures.invoicedMinor += row.amount;
  else if (row.kind === 'credit_note') figures.creditedMinor += row.amount;
  else figures.collectedMinor += row.amount;
  figures.netInvoicedMinor = figures.invoicedMinor - figures.creditedMinor;
}

/**
 * Per provider over the range: the dashboard's utilisation (the same function), the appointments report's
 * counts, and for billing:read the money credited to them (DEFINITIONS.providerInvoiced, providerCollected).
 */
export async function providersReport(
  ctx: HandlerContext,
  scope: ReportScope,
  lateCancelHours: number,
): Promise<ProvidersReport> {
  const { from, to, providerId } = scope.filters;
  const aggregates = await aggregatesReady(ctx, scope.timeZone);
  const appointments = await appointmentsReport(ctx.db, scope, lateCancelHours, ctx.now, aggregates, false);
  const hours = await utilisation(ctx.db, scope, appointments, aggregateWriter(ctx));
  const seesMoney = ctx.session?.permissions.has('billing:read') ?? false;
  const money = new Map<string | null, Money>();
  if (seesMoney) {
    const range = {
      from,
      to,
      start: localDayBounds(scope.timeZone, from).start,
      end: localDayBounds(scope.timeZone, to).end,
    };
    const rows = aggregates
      ? await providerMoney(ctx.db, from, to, providerId)
      : [
          ...(await invoicedByProvider(ctx.db, range, providerId)),
          ...(await collectedByProvider(ctx.db, from, to, providerId)),
        ];
    for (const row of rows) addMoney(money, row);
  }
  const ids = new Set<string>([
    ...hours.map((row) => row.providerId),
    ...appointments.byProvider.map((row) => row.providerId),
    ...[...money.keys()].flatMap((id) => (id === null ? [] : [id])),
  ]);
  const providers = [...ids]
    .map((id): ProviderFigures => {
      const used = hours.find((row) => row.providerId === id);
      const counts = appointments.byProvider.find((row) => row.providerId === id);
      return {
        providerId: id,
        providerName: scope.providers.get(id) ?? '',
        bookedMinutes: used?.bookedMinutes ?? counts?.bookedMinutes ?? 0,
        availableMinutes: used?.availableMinutes ?? 0,
        utilisationPercent: used?.percent ?? null,
        appointments: counts ? countsOf(counts) : noAppointments(),
        money: seesMoney ? (money.get(id) ?? noMoney()) : null,
      };
    })
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
  const unassigned = money.get(null);
  return {
    filters: scope.filters,
    lateCancelHours,
    ranAt: ctx.now,
    currency: scope.currency,
    money: seesMoney ? (await billingContext(ctx.db, ctx.now)).money : null,
    providers,
    unassigned: seesMoney
      ? { netInvoicedMinor: unassigned?.netInvoicedMinor ?? 0, collectedMinor: unassigned?.collectedMinor ?? 0 }
      : null,
  };
}
