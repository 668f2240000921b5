import type { MoneyFormat } from '../billing/money';
import type { MovementKind } from '../stock/model';

/** What the reports.* procedures answer, and the definitions every screen and export states with them. */

/** The filters a report ran with, echoed in every answer (and written into every export). */
export interface ReportFilters {
  from: string;
  to: string;
  providerId: string | null;
  providerName: string | null;
  /**
   * The appointments, waiting-times and revenue reports (and the call lists and the dashboard's figures of
   * them) only: the appointments' location and type, or null for all.
   */
  locationId: string | null;
  locationName: string | null;
  typeId: string | null;
  typeName: string | null;
  /** The revenue report only: one payer (`SELF_PAY` for invoices billed to the patient), or null for all. */
  payer?: string | null;
}

/** The payer filter's value for invoices billed to the patient rather than an insurer. */
export const SELF_PAY = '(self-pay)';

export interface AppointmentCounts {
  /** Every appointment starting in the range, whatever became of it. */
  booked: number;
  completed: number;
  cancelled: number;
  lateCancelled: number;
  earlyCancelled: number;
  noShows: number;
  /** Not cancelled, and their start had passed when the report ran: what a no-show rate divides by. */
  due: number;
  /** noShows ÷ due × 100, one decimal; null when nothing was due. */
  noShowRatePercent: number | null;
  /** Booked minutes of the appointments that were not cancelled. */
  bookedMinutes: number;
}

export interface AppointmentsReport {
  filters: ReportFilters;
  lateCancelHours: number;
  ranAt: number;
  totals: AppointmentCounts;
  byProvider: ({ providerId: string; providerName: string } & AppointmentCounts)[];
  byDay: ({ date: string } & AppointmentCounts)[];
}

/** One appointment on a call list: the patient to ring, and the appointment they missed or cancelled late. */
export interface CallListRow {
  appointmentId: string;
  patientId: string;
  /** "Last, First" as lists write it. */
  patientName: string;
  mrn: string;
  /** The patient's primary phone as stored; null when they have none. */
  phone: string | null;
  /** Clinic date and wall time of the appointment's start. */
  date: string;
  time: string;
  startAt: number;
  providerId: string;
  providerName: string;
  typeName: string;
  /** Late cancellations: hours between the cancellation and the start, rounded down to a tenth (so a late one never shows the full window); null for no-shows. */
  noticeHours: number | null;
}

/** The patients to call for a range: its no-shows and its late cancellations, oldest first. */
export interface CallList {
  filters: ReportFilters;
  lateCancelHours: number;
  ranAt: number;
  noShows: CallListRow[];
  lateCancels: CallListRow[];
  /** How many there were: the lists stop at `MAX_CALL_LIST_ROWS` each. */
  noShowCount: number;
  lateCancelCount: number;
}

/** The most rows each call list shows (a year of a busy clinic's no-shows is not a list to ring through). */
export const MAX_CALL_LIST_ROWS = 500;

export type WaitPhase = 'arrivalToRoom' | 'roomToSeen' | 'seenToOut' | 'arrivalToOut';

export interface WaitFigures {
  phase: WaitPhase;
  /** Visits that passed both ends of the phase. */
  visits: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface WaitingTimesReport {
  filters: ReportFilters;
  ranAt: number;
  /** Visits in the range that were not cancelled. */
  visits: number;
  phases: WaitFigures[];
  /** Arrival → out by the clinic hour of arrival (0–23), hours with no such visit left out. */
  byHour: { hour: number; visits: number; medianSeconds: number | null; p90Seconds: number | null }[];
  /**
   * Arrival → out by the clinic weekday (ISO: Monday 1 … Sunday 7) and hour of arrival, for the week's heat
   * map; weekday-hours with no such visit left out, in order of weekday then hour.
   */
  byWeekdayHour: {
    weekday: number;
    hour: number;
    visits: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
  }[];
}

export interface RevenueDay {
  date: string;
  invoicedMinor: number;
  creditedMinor: number;
  /** invoiced − credited. */
  netInvoicedMinor: number;
  paymentsMinor: number;
  refundsMinor: number;
  reversalsMinor: number;
  /** payments − refunds − reversals. */
  collectedMinor: number;
  writeOffsMinor: number;
}

export interface RevenueReport {
  filters: ReportFilters;
  ranAt: number;
  currency: string;
  /** How the clinic writes its money (billing's setting). */
  money: MoneyFormat;
  totals: Omit<RevenueDay, 'date'>;
  byDay: RevenueDay[];
  /** Cash basis by how the money came: payments, refunds and reversals per method kind. */
  /** The payers invoices have been billed to, for the payer filter (self-pay is `SELF_PAY`). */
  payers: string[];
  byMethod: {
    methodKind: string;
    paymentsMinor: number;
    refundsMinor: number;
    reversalsMinor: number;
    collectedMinor: number;
  }[];
}

/** A provider's booked minutes against the minutes their hours offered. */
export interface ProviderUtilisation {
  providerId: string;
  providerName: string;
  bookedMinutes: number;
  availableMinutes: number;
  /** booked ÷ available × 100, one decimal; null when the hours offered nothing. */
  percent: number | null;
}

/** One period's figures on the manager's dashboard. */
export interface DashboardFigures {
  appointments: AppointmentCounts;
  /** Patients registered in the range (the whole clinic, whatever the provider filter). */
  newPatients: number;
  /** Arrival → out over the range's visits. */
  wait: WaitFigures;
  /** Null for someone without billing:read. */
  revenue: { netInvoicedMinor: number; collectedMinor: number } | null;
}

/** The dashboard: a period against the one just before it, of the same length, and the standing figures. */
export interface Dashboard {
  filters: ReportFilters;
  previous: { from: string; to: string };
  ranAt: number;
  current: DashboardFigures;
  before: DashboardFigures;
  /** Per provider over the range (not the days before). */
  utilisation: ProviderUtilisation[];
  /** What patients and payers owe today (A/R); null without billing:read. */
  outstandingMinor: number | null;
  money: MoneyFormat | null;
  /** Counts of the stock room's alerts; null without stock:read. */
  stock: { belowReorder: number; expiringSoon: number; expiredOnShelf: number } | null;
}

/** One provider's row of the providers report. */
export interface ProviderFigures {
  providerId: string;
  providerName: string;
  /** The dashboard's utilisation, figured by the same code. */
  bookedMinutes: number;
  availableMinutes: number;
  utilisationPercent: number | null;
  appointments: AppointmentCounts;
  /** Null for someone without billing:read. */
  money: { invoicedMinor: number; creditedMinor: number; netInvoicedMinor: number; collectedMinor: number } | null;
}

/** Per provider over the range: utilisation, appointments, and (for billing:read) revenue credited to them. */
export interface ProvidersReport {
  filters: ReportFilters;
  lateCancelHours: number;
  ranAt: number;
  currency: string;
  /** Null for someone without billing:read (a provider sees their own hours and appointments, no money). */
  money: MoneyFormat | null;
  providers: ProviderFigures[];
  /** Money not credited to any provider (invoices with no appointment or visit); null without billing:read. */
  unassigned: { netInvoicedMinor: number; collectedMinor: number } | null;
}

/** The stock room's figures: what stands today, and what moved in the range. */
/**
 * How many items valued and expiring lots × places the stock report shows on screen (a full-size stock room
 * has thousands of each); its export lists them all.
 */
export const STOCK_REPORT_ROWS = 100;

export interface StockReport {
  filters: ReportFilters;
  ranAt: number;
  currency: string;
  money: MoneyFormat;
  /** The clinic's today, and the window the expiring list looks ahead. */
  today: string;
  expiringDays: number;
  valuation: {
    items: {
      itemId: string;
      code: string;
      name: string;
      onHand: number;
      unitCostMinor: number;
      valueMinor: number;
    }[];
    totalMinor: number;
    /** How many items have stock: the list shows the greatest values first, on screen at most STOCK_REPORT_ROWS. */
    itemCount: number;
  };
  /** The first-expiring lots × places; on screen at most STOCK_REPORT_ROWS, in the export all. */
  expiring: {
    itemId: string;
    itemName: string;
    lotNumber: string;
    expiryOn: string;
    stockLocationName: string;
    quantity: number;
    expired: boolean;
  }[];
  /** More lots expire within the window than the list shows (the export lists them all). */
  moreExpiring: boolean;
  belowReorder: { itemId: string; itemName: string; onHand: number; reorderLevel: number; onOrder: number }[];
  /** Per movement kind in the range: how many movements and their net quantity (in positive, out negative). */
  movements: { kind: MovementKind; movements: number; quantity: number }[];
}

export type ReportName =
  'appointments' | 'waitingTimes' | 'revenue' | 'providers' | 'stock' | 'daySheet' | 'ageing' | 'claims';

export interface ReportCsv {
  fileName: string;
  /** UTF-8 text with a byte-order mark, so spreadsheet programs read accents right. */
  content: string;
}

/**
 * The definitions, stated once: under each figure on the screen and at the head of each export.
 * Wording is part of the product; tests/unit/reports.test.ts checks the figures match them.
 */
export const DEFINITIONS = {
  booked: 'Booked: appointments whose start falls in the range (clinic time), whatever became of them.',
  completed: 'Completed: booked appointments marked completed.',
  cancelled:
    'Cancelled: booked appointments cancelled. Late when cancelled less than the late-cancel window before the start, early otherwise.',
  noShows: 'No-shows: booked appointments marked no-show.',
  due: 'Due: booked appointments not cancelled whose start had passed when the report ran.',
  noShowRate: 'No-show rate: no-shows ÷ due × 100.',
  callLists:
    'Patients to call: every no-show and every late cancellation in the range, as defined above, oldest first, with the patient’s primary phone.',
  bookedMinutes: 'Booked minutes: the length of every booked appointment that was not cancelled.',
  waits:
    'Waiting times: visits that arrived in the range and were not cancelled. Arrival → room, room → seen by the provider, seen → checked out, and arrival → out; each over the visits that passed both ends.',
  waitsByHour:
    'Waiting times by hour: arrival → out over the visits that arrived in that hour of the clinic day (and were checked out), median and 90th percentile.',
  waitsByWeekdayHour:
    'Waiting times by weekday and hour (the heat map): arrival → out over the visits that arrived on that weekday in that hour, by the clinic’s clock (so a visit at 09:30 after the clocks change counts at 09:00), and were checked out; each cell shows the median in minutes, darker when longer, and its visits and 90th percentile. Empty cells had no such visit.',
  waitsNarrowed:
    'Location and type: with one chosen, only visits checked in for an appointment at that location or of that type count; walk-ins have neither, so they drop out.',
  percentiles:
    'Median and 90th percentile by nearest rank: the value at position ⌈p × n⌉ of the n times sorted (the median is the lower middle when n is even). Each time counts in whole minutes, rounded to the nearest minute, so the figures are exact to the minute.',
  accrual:
    'Invoiced (accrual basis): totals of invoices issued in the range by their issue date; credited: credit notes issued in the range; net = invoiced − credited. Drafts do not count.',
  cash: 'Collected (cash basis): payments by the date they count for, less refunds and reversed payments by the date those count for. Payments are not split by provider until applied, so the provider filter does not apply here, unless a payer, location or type narrows the report to invoices (below).',
  writeOffs: 'Write-offs: adjustments by the date they count for, less reversed adjustments.',
  newPatients: 'New patients: patients registered in the range (clinic time), merged duplicates not counted twice.',
  previous: 'Before: the same number of days just before the range.',
  utilisation:
    'Utilisation: booked minutes ÷ the minutes the provider’s weekly hours offered in the range, less breaks, time off and clinic holidays, × 100.',
  outstanding: 'Outstanding: what patients and payers owe on issued invoices today, whatever the range.',
  providerInvoiced:
    'Invoiced per provider (accrual basis, by service date): invoices issued for the provider’s visits and appointments whose service date (the visit’s day, or the appointment’s) falls in the range; credited: credit notes against those invoices; net = invoiced − credited. Drafts do not count.',
  providerCollected:
    'Collected per provider (cash basis): payments applied to those invoices, less what was taken back off them, by the date the payment counts for. Each payment counts, however many share an amount.',
  unassigned: 'Not credited to a provider: invoices with no visit or appointment, and what was applied to them.',
  payer:
    'Payer: with one chosen, invoiced counts the invoices billed to it (self-pay: invoices with no insurer) and collected the payments applied to them by the date the payment counts for, plus an insurer’s remittances by the date received. A provider chosen as well narrows both to the invoices of that provider’s visits and appointments.',
  revenueNarrowed:
    'Location and type: with one chosen, invoiced counts the invoices and credit notes for appointments at that location or of that type (an invoice for a visit by the visit’s appointment; one with no appointment drops out), and collected the payments applied to them, less what was taken back off them, by the date the payment counts for. A provider chosen as well narrows both to that provider’s invoices.',
  stockValuation:
    'Valuation: quantity on hand (every place, from the stock balances) × the item’s unit cost, per active item (the greatest value first) and in total, as it stands when the report ran.',
  stockExpiring:
    'Expiring: lots with stock whose expiry date is on or before today + the days asked (those already expired are marked).',
  stockBelowReorder: 'Below reorder level: active items with a reorder level whose stock on hand is under it.',
  stockMovements:
    'Movements: stock movements that happened in the range (clinic time), by kind: how many and their net quantity (in positive, out negative).',
} as const;

/** A location or an appointment type narrows the report (DEFINITIONS.waitsNarrowed, revenueNarrowed). */
export function narrowedByLocationOrType(filters: ReportFilters): boolean {
  return filters.locationId !== null || filters.typeId !== null;
}
