import { billingContext } from '../../billing/context';
import { appointmentsReport, callList, patientsListed } from '../../reports/appointments';
import { aggregatesReady } from '../../reports/aggregates';
import { dashboard } from '../../reports/dashboard';
import { appointmentsCsv, providersCsv, revenueCsv, stockCsv, waitingTimesCsv } from '../../reports/csv';
import { providersReport } from '../../reports/providers';
import { stockReport } from '../../reports/stock';
import { revenueReport } from '../../reports/revenue';
import { reportScope, requireBillingReader, requireStockReader } from '../../reports/scope';
import { waitingTimesReport } from '../../reports/waiting-times';
import { waitingTimesPdf } from '../../reports/waits-pdf';
import { daySheet, patientsOnSheet } from '../../reports/day-sheet';
import { daySheetCsv } from '../../reports/day-sheet-csv';
import { fieldError } from '../../../../src-shared/api/errors';
import { appointmentsPdf, daySheetPdf, providersPdf, revenuePdf } from '../../reports/pdf';
import { ageingReport, claimsReport, patientsInAgeing } from '../../reports/receivables';
import { ageingCsv, ageingPdf, claimsCsv, claimsPdf } from '../../reports/receivables-export';
import { printContext } from './billing-common';
import type { HandlersFor } from '../context';
import { STOCK_REPORT_ROWS, type ReportName } from '../../../../src-shared/reports/model';

type ExportInput = {
  report: ReportName;
  from: string;
  to: string;
  providerId: string | null;
  locationId: string | null;
  typeId: string | null;
  payer: string | null;
};

/** The reports location and appointment type narrow (the others are for every location and type). */
const NARROWED_BY_LOCATION_AND_TYPE = new Set(['appointments', 'waitingTimes', 'revenue']);

/**
 * The filters an export runs with: location and type narrow the appointments, waiting-times and revenue
 * reports only; the payer the revenue and claims reports only; A/R ageing and claims are the whole clinic's.
 */
function narrowedFor(input: ExportInput): ExportInput {
  const wholeClinic = input.report === 'ageing' || input.report === 'claims';
  return {
    ...input,
    ...(NARROWED_BY_LOCATION_AND_TYPE.has(input.report) ? {} : { locationId: null, typeId: null }),
    ...(wholeClinic ? { providerId: null } : {}),
    payer: input.report === 'revenue' || input.report === 'claims' ? input.payer : null,
  };
}

export const reportsHandlers: HandlersFor<
  | 'reports.appointments'
  | 'reports.callList'
  | 'reports.dashboard'
  | 'reports.waitingTimes'
  | 'reports.revenue'
  | 'reports.providers'
  | 'reports.stock'
  | 'reports.daySheet'
  | 'reports.ageing'
  | 'reports.claims'
  | 'reports.exportCsv'
  | 'reports.exportPdf'
> = {
  'reports.appointments': async (ctx, input) => {
    const scope = await reportScope(ctx, input);
    const aggregates = await aggregatesReady(ctx, scope.timeZone);
    return appointmentsReport(ctx.db, scope, input.lateCancelHours, ctx.now, aggregates);
  },
  'reports.callList': async (ctx, input) => {
    const scope = await reportScope(ctx, input);
    const list = await callList(ctx.db, scope, input.lateCancelHours, ctx.now);
    // Names and phones were read: the audit says whose, so "who saw this patient" finds the report too.
    ctx.audit.targetType = 'report';
    ctx.audit.details = { report: 'callList', ...scope.filters, patientIds: patientsListed(list) };
    return list;
  },
  'reports.dashboard': async (ctx, input) => dashboard(ctx, await reportScope(ctx, input)),
  'reports.waitingTimes': async (ctx, input) => {
    const scope = await reportScope(ctx, input);
    return waitingTimesReport(ctx.db, scope, ctx.now, await aggregatesReady(ctx, scope.timeZone));
  },
  'reports.revenue': async (ctx, input) => {
    requireBillingReader(ctx);
    const scope = await reportScope(ctx, input);
    const aggregates = await aggregatesReady(ctx, scope.timeZone);
    return revenueReport(ctx.db, scope, (await billingContext(ctx.db, ctx.now)).money, ctx.now, aggregates);
  },
  'reports.providers': async (ctx, input) => providersReport(ctx, await reportScope(ctx, input), input.lateCancelHours),
  'reports.stock': async (ctx, input) => {
    requireStockReader(ctx);
    return stockReport(ctx, await reportScope(ctx, input), input.expiringDays, STOCK_REPORT_ROWS);
  },
  'reports.daySheet': async (ctx, input) => {
    requireBillingReader(ctx);
    // The whole clinic's day, or one provider's appointments, visits and invoices in it.
    const scope = await reportScope(ctx, { from: input.date, to: input.date, providerId: input.providerId });
    const sheet = await daySheet(ctx.db, scope, (await billingContext(ctx.db, ctx.now)).money, ctx.now);
    ctx.audit.targetType = 'report';
    ctx.audit.details = {
      report: 'daySheet',
      date: input.date,
      providerId: scope.filters.providerId,
      patientIds: patientsOnSheet(sheet),
    };
    return sheet;
  },
  'reports.ageing': async (ctx, input) => {
    requireBillingReader(ctx);
    // As of today for the whole clinic: no filter narrows it (RECEIVABLES_DEFINITIONS.ageingFilters).
    const scope = await reportScope(ctx, { from: input.from, to: input.to, providerId: null });
    const report = await ageingReport(ctx, scope);
    ctx.audit.targetType = 'report';
    ctx.audit.details = { report: 'ageing', asOf: report.ageing.asOf, patientIds: patientsInAgeing(report) };
    return report;
  },
  'reports.claims': async (ctx, input) => {
    requireBillingReader(ctx);
    return claimsReport(ctx, await reportScope(ctx, { ...input, providerId: null }));
  },
  'reports.exportCsv': async (ctx, input) => {
    const scope = await reportScope(ctx, narrowedFor(input));
    const ranBy = ctx.actor.displayName ?? ctx.actor.username ?? 'system';
    ctx.audit.targetType = 'report';
    ctx.audit.details = { report: input.report, ...scope.filters };
    const name = `${input.report}-${input.from}-to-${input.to}.csv`;
    let body: string;
    if (input.report === 'ageing' || input.report === 'claims') {
      requireBillingReader(ctx);
      if (input.report === 'claims') body = claimsCsv(await claimsReport(ctx, scope), ranBy);
      else {
        const report = await ageingReport(ctx, scope);
        ctx.audit.details = { ...ctx.audit.details, patientIds: patientsInAgeing(report) };
        body = ageingCsv(report, ranBy);
      }
    } else if (input.report === 'daySheet') {
      requireBillingReader(ctx);
      if (input.to !== input.from) throw fieldError('to', 'a day sheet is one day: the same date as From');
      const sheet = await daySheet(ctx.db, scope, (await billingContext(ctx.db, ctx.now)).money, ctx.now);
      ctx.audit.details = { ...ctx.audit.details, patientIds: patientsOnSheet(sheet) };
      body = daySheetCsv(sheet, scope.filters, ranBy);
    } else if (input.report === 'appointments') {
      const calls = await callList(ctx.db, scope, input.lateCancelHours, ctx.now);
      ctx.audit.details = { ...ctx.audit.details, patientIds: patientsListed(calls) };
      body = appointmentsCsv(
        await appointmentsReport(ctx.db, scope, input.lateCancelHours, ctx.now),
        calls,
        ranBy,
        scope.phoneRegion,
      );
    } else if (input.report === 'waitingTimes')
      body = waitingTimesCsv(
        await waitingTimesReport(ctx.db, scope, ctx.now, await aggregatesReady(ctx, scope.timeZone)),
        ranBy,
      );
    else if (input.report === 'providers')
      body = providersCsv(await providersReport(ctx, scope, input.lateCancelHours), ranBy);
    else if (input.report === 'stock') {
      requireStockReader(ctx);
      body = stockCsv(await stockReport(ctx, scope, input.expiringDays, null), ranBy);
    } else {
      requireBillingReader(ctx);
      body = revenueCsv(
        await revenueReport(ctx.db, scope, (await billingContext(ctx.db, ctx.now)).money, ctx.now),
        ranBy,
      );
    }
    return { fileName: name, content: `\uFEFF${body}` };
  },
  'reports.exportPdf': async (ctx, input) => {
    const scope = await reportScope(ctx, narrowedFor(input));
    const ranBy = ctx.actor.displayName ?? ctx.actor.username ?? 'system';
    ctx.audit.targetType = 'report';
    ctx.audit.details = { report: input.report, format: 'pdf', ...scope.filters };
    const billing = await billingContext(ctx.db, ctx.now);
    const print = printContext(billing);
    if (input.report === 'appointments')
      return appointmentsPdf(await appointmentsReport(ctx.db, scope, input.lateCancelHours, ctx.now), print, ranBy);
    if (input.report === 'providers')
      return providersPdf(await providersReport(ctx, scope, input.lateCancelHours), print, ranBy);
    if (input.report === 'waitingTimes') {
      const aggregates = await aggregatesReady(ctx, scope.timeZone);
      return waitingTimesPdf(await waitingTimesReport(ctx.db, scope, ctx.now, aggregates), print, ranBy);
    }
    requireBillingReader(ctx);
    if (input.report === 'claims') return claimsPdf(await claimsReport(ctx, scope), print, ranBy);
    if (input.report === 'ageing') {
      const report = await ageingReport(ctx, scope);
      ctx.audit.details = { ...ctx.audit.details, patientIds: patientsInAgeing(report) };
      return ageingPdf(report, print, ranBy);
    }
    if (input.report === 'revenue')
      return revenuePdf(await revenueReport(ctx.db, scope, billing.money, ctx.now), print, ranBy);
    const sheet = await daySheet(ctx.db, scope, billing.money, ctx.now);
    ctx.audit.details = { ...ctx.audit.details, patientIds: patientsOnSheet(sheet) };
    return daySheetPdf(sheet, scope.filters, print, ranBy);
  },
};
