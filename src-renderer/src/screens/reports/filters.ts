/**
 * The reports' filters as the address holds them, so a report can be bookmarked and opened again:
 * `#/reports?from=2026-11-01&to=2026-11-30&provider=<id>&location=<id>&type=<id>&payer=<name>&expiring=30&day=2026-11-20`. Pure, so a unit test reads and writes them.
 */
export interface ReportsFilters {
  /** 'YYYY-MM-DD', or the text as typed while it is not yet a date (main then names the field). */
  from: string;
  to: string;
  providerId: string | null;
  /** The appointments, waiting-times and revenue reports, the call lists and the dashboard. */
  locationId: string | null;
  typeId: string | null;
  /** The revenue report only: one payer (`SELF_PAY` for self-pay), or null for all. */
  payer: string | null;
  /** The stock report only: how many days ahead the expiring list looks. */
  expiringDays: number;
  /** The day sheet only: one clinic date (the range's last day unless the address names another). */
  day: string;
}

/** The expiring list's choices of days ahead; the first unless the address names another. */
export const EXPIRING_DAYS = [90, 30, 60, 180, 365] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ids are UUIDs; anything else in the address is ignored rather than sent. */
const ID = /^[0-9a-fA-F-]{1,64}$/;

/** The month so far: the default when the address names no range. */
export function defaultFilters(today: string): ReportsFilters {
  return {
    from: `${today.slice(0, 8)}01`,
    to: today,
    providerId: null,
    locationId: null,
    typeId: null,
    payer: null,
    expiringDays: EXPIRING_DAYS[0],
    day: today,
  };
}

/** The filters a hash query names; a missing or unreadable one falls back to the default. */
export function readFilters(query: string, today: string): ReportsFilters {
  const params = new URLSearchParams(query);
  const fallback = defaultFilters(today);
  const date = (name: string) => {
    const value = params.get(name);
    return value !== null && ISO_DATE.test(value) ? value : null;
  };
  const id = (name: string) => {
    const value = params.get(name);
    return value !== null && ID.test(value) ? value : null;
  };
  const from = date('from');
  const to = date('to');
  const payer = params.get('payer');
  const expiring = Number(params.get('expiring'));
  // A bookmarked single day (from = to) stays one day; a `to` alone before the month's start is its own day.
  const end = to ?? (from !== null && from > fallback.to ? from : fallback.to);
  return {
    from: from ?? (to !== null && to < fallback.from ? to : fallback.from),
    to: end,
    providerId: id('provider'),
    locationId: id('location'),
    typeId: id('type'),
    payer: payer !== null && payer.trim() !== '' && payer.length <= 200 ? payer : null,
    expiringDays: (EXPIRING_DAYS as readonly number[]).includes(expiring) ? expiring : fallback.expiringDays,
    day: date('day') ?? end,
  };
}

/** The hash query for the filters: dates only once they read as dates, the provider when one is chosen. */
export function writeFilters(filters: ReportsFilters): string {
  const params = new URLSearchParams();
  if (ISO_DATE.test(filters.from)) params.set('from', filters.from);
  if (ISO_DATE.test(filters.to)) params.set('to', filters.to);
  if (filters.providerId !== null) params.set('provider', filters.providerId);
  if (filters.locationId !== null) params.set('location', filters.locationId);
  if (filters.typeId !== null) params.set('type', filters.typeId);
  if (filters.payer !== null) params.set('payer', filters.payer);
  if (filters.expiringDays !== EXPIRING_DAYS[0]) params.set('expiring', String(filters.expiringDays));
  if (ISO_DATE.test(filters.day) && filters.day !== filters.to) params.set('day', filters.day);
  return params.toString();
}
