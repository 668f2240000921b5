import type { MoneyFormat } from '../billing/money';
import type { JournalRow, MethodTotals } from '../billing/model';
import type { AppointmentStatus } from '../scheduling/status';

/** The day sheet: the whole clinic's day on one page (`reports.daySheet`). */

export interface DaySheetProvider {
  providerId: string;
  providerName: string;
  /** Every appointment of theirs starting that day, whatever became of it. */
  total: number;
  byStatus: Record<AppointmentStatus, number>;
}

export interface DaySheetDrawer {
  deskName: string;
  openedBy: string | null;
  floatMinor: number;
  closedAt: number | null;
  closedBy: string | null;
  expectedCashMinor: number | null;
  countedCashMinor: number | null;
  overShortMinor: number | null;
  overShortReason: string | null;
}

export interface DaySheet {
  date: string;
  /** The provider the sheet is narrowed to (DAY_SHEET_PROVIDER), or null for the whole clinic. */
  providerId: string | null;
  providerName: string | null;
  ranAt: number;
  currency: string;
  money: MoneyFormat;
  /** Every drawer of the day is closed (and there was one): the money on this sheet can no longer change. */
  closed: boolean;
  appointments: { total: number; byProvider: DaySheetProvider[] };
  visits: { checkedIn: number; checkedOut: number };
  invoices: { issued: number; issuedMinor: number; creditNotes: number; creditedMinor: number };
  /** Every payment, refund and reversal counted for the day, each its own row (two of one amount are two). */
  payments: JournalRow[];
  byMethod: MethodTotals[];
  /** Payments − refunds − reversals. */
  netMinor: number;
  drawers: DaySheetDrawer[];
}

export const DAY_SHEET_DEFINITIONS = {
  appointments:
    'Appointments: every appointment starting on the day (clinic time), by provider and by the status it has when the sheet is read.',
  visits: 'Checked in: visits of the day that arrived and were not cancelled; checked out: those of them checked out.',
  invoices:
    'Invoices issued: invoices and credit notes issued on the day (their issue date), with their totals. Drafts do not count.',
  payments:
    'Payments, refunds and reversals: each one whose counts-for date is the day, whatever drawer or desk took it; net = payments − refunds − reversals, by method.',
  drawers:
    'Drawers: each cash drawer opened for the day, with its float, the cash expected, the cash counted and the difference recorded when it was closed.',
  closed:
    'A closed day never changes: once every drawer of the day is closed no money can count for it, and payments, refunds, reversals and issued invoices are never edited (a correction is a new row dated the day it is made), so the sheet reads the same recorded rows by the dates they count for. Appointment statuses are as they stand now.',
} as const;

/** Stated with the sheet (screen, CSV, PDF) when a provider narrows it. */
export const DAY_SHEET_PROVIDER =
  'Provider: with one chosen, the appointments, the visits checked in and out and the invoices issued are theirs (an invoice is theirs by its appointment’s or visit’s provider). Payments, refunds, reversals and drawers stay the whole clinic’s: money is not split by provider until applied (the providers report credits applied payments to providers).';
