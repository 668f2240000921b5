import { z } from 'zod';
import { procedure } from '../procedure';
import { localDate } from '../../billing/fields';
import type {
  AppointmentsReport,
  CallList,
  Dashboard,
  ProvidersReport,
  ReportCsv,
  RevenueReport,
  StockReport,
  WaitingTimesReport,
} from '../../reports/model';
import type { DaySheet } from '../../reports/day-sheet';
import type { AgeingReport, ClaimsReport } from '../../reports/receivables';
import type { PdfDocument } from '../../billing/model';
import { daysBetween } from '../../scheduling/time';
import { optionalId } from '../../validation';

/** The longest range one report covers: a year and a day (a leap year from a date to the same date). */
export const MAX_REPORT_DAYS = 367;

/** From and to are clinic dates, both included: a single day is from = to. */
const range = {
  from: localDate,
  to: localDate,
  providerId: optionalId('a provider'),
};

type Range = { from: string; to: string };
const toAfterFrom: [(input: Range) => boolean, { path: string[]; message: string }] = [
  (input) => input.to >= input.from,
  { path: ['to'], message: 'must be on or after the start date' },
];
const withinLimit: [(input: Range) => boolean, { path: string[]; message: string }] = [
  (input) => input.to < input.from || daysBetween(input.from, input.to) < MAX_REPORT_DAYS,
  { path: ['to'], message: `must be within ${MAX_REPORT_DAYS} days of the start date` },
];

/** What narrows the appointments, waiting-times and revenue reports and the call lists beyond range and provider. */
const narrowing = {
  locationId: optionalId('a location'),
  typeId: optionalId('an appointment type'),
};

/** A cancellation less than this many hours before the start is late. */
const lateCancelHours = z.number().int().min(0).max(168).default(24);
const appointmentsInput = z
  .object({ ...range, ...narrowing, lateCancelHours })
  .refine(...toAfterFrom)
  .refine(...withinLimit);
const narrowedInput = z
  .object({ ...range, ...narrowing })
  .refine(...toAfterFrom)
  .refine(...withinLimit);
/** One payer's invoices (`SELF_PAY` for those billed to the patient), or all when left out. */
const payer = z.string().trim().min(1, 'choose a payer or all').max(200).nullable().default(null);
const revenueInput = z
  .object({ ...range, ...narrowing, payer })
  .refine(...toAfterFrom)
  .refine(...withinLimit);
/** A/R ageing and claims stand as of today for the whole clinic: only the payer narrows claims. */
const receivablesInput = z
  .object({ ...range, payer })
  .refine(...toAfterFrom)
  .refine(...withinLimit);
const providersInput = z
  .object({ ...range, lateCancelHours })
  .refine(...toAfterFrom)
  .refine(...withinLimit);
/** Lots expiring within this many days of today make the expiring list. */
const expiringDays = z.number().int().min(0).max(730).default(90);
const stockInput = z
  .object({ ...range, expiringDays })
  .refine(...toAfterFrom)
  .refine(...withinLimit);

/**
 * reports.*: the manager's figures, each with its definition (`DEFINITIONS` in reports/model.ts).
 * Managers and administrators see every provider; a provider sees their own figures only.
 */
export const reportsProcedures = {
  /** Appointments by status, per provider and per day; no-show rate over those that were due. */
  'reports.appointments': procedure<AppointmentsReport>()({
    input: appointmentsInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /**
   * The no-show and late-cancel lists for the range (patients to call), by the same definitions as the
   * appointments report's counts. It names patients, so every read is audited.
   */
  'reports.callList': procedure<CallList>()({
    input: appointmentsInput,
    access: 'reports:read',
    kind: 'read',
    phi: true,
  }),
  /** The manager's home: the range against the one before it, A/R outstanding and stock alerts. */
  'reports.dashboard': procedure<Dashboard>()({
    input: narrowedInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /** Median and 90th-percentile waits between the flow board's steps. */
  'reports.waitingTimes': procedure<WaitingTimesReport>()({
    input: narrowedInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /** Invoiced (accrual) and collected (cash) per day and per payment method, with write-offs. */
  'reports.revenue': procedure<RevenueReport>()({
    input: revenueInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /**
   * Per provider: utilisation (the dashboard's), appointments by status, and for billing:read the revenue
   * invoiced (by service date) and collected credited to them. Names no patients, so not a PHI read.
   */
  'reports.providers': procedure<ProvidersReport>()({
    input: providersInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /** Stock valuation, lots expiring within N days, items below reorder level, movements by kind (stock:read). */
  'reports.stock': procedure<StockReport>()({
    input: stockInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /**
   * The whole clinic's day (DAY_SHEET_DEFINITIONS): appointments by provider and status, visits, invoices,
   * every payment, refund and reversal of the day and the drawers' close; one provider's appointments,
   * visits and invoices with `providerId` (DAY_SHEET_PROVIDER). Needs billing:read; it names the
   * patients who paid, so every read is audited.
   */
  'reports.daySheet': procedure<DaySheet>()({
    input: z.object({ date: localDate, providerId: optionalId('a provider') }),
    access: 'reports:read',
    kind: 'read',
    phi: true,
  }),
  /**
   * A/R ageing as of today (billing's `accounts.ageing`, the largest patient balances named): needs
   * billing:read; it names patients, so every read is audited.
   */
  'reports.ageing': procedure<AgeingReport>()({
    input: receivablesInput,
    access: 'reports:read',
    kind: 'read',
    phi: true,
  }),
  /** Claims as of today by status and age, billed and outstanding; one payer's with the payer filter (billing:read). */
  'reports.claims': procedure<ClaimsReport>()({
    input: receivablesInput,
    access: 'reports:read',
    kind: 'read',
  }),
  /** One report as CSV, with its definitions, filters, who ran it and when; audited. */
  'reports.exportCsv': procedure<ReportCsv>()({
    input: z
      .object({
        ...range,
        ...narrowing,
        report: z.enum([
          'appointments',
          'waitingTimes',
          'revenue',
          'providers',
          'stock',
          'daySheet',
          'ageing',
          'claims',
        ]),
        lateCancelHours,
        payer,
        expiringDays,
      })
      .refine(...toAfterFrom)
      .refine(...withinLimit),
    access: 'reports:read',
    kind: 'read',
    phi: true,
  }),
  /**
   * One report as PDF (billing's PDF path), with its definitions, filters, who ran it and when; audited.
   * The day sheet is one day: from = to.
   */
  'reports.exportPdf': procedure<PdfDocument>()({
    input: z
      .object({
        ...range,
        ...narrowing,
        report: z.enum(['appointments', 'waitingTimes', 'revenue', 'providers', 'daySheet', 'ageing', 'claims']),
        lateCancelHours,
        payer,
      })
      .refine(...toAfterFrom)
      .refine(...withinLimit)
      .refine((input) => input.report !== 'daySheet' || input.to === input.from, {
        path: ['to'],
        message: 'a day sheet is one day: the same date as From',
      }),
    access: 'reports:read',
    kind: 'read',
    phi: true,
  }),
};
