import type { Kysely } from 'kysely';
import { addDays, localDateOf, localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import {
  builtWith,
  clearAggregates,
  clearDirtyMarks,
  dirtyMarks,
  hasDirtyMarks,
  appointmentSpan,
  insertPatientDay,
  registrationInstants,
  moneyDays,
  recomputeAppointmentDay,
  recomputeAppointmentMonth,
  recomputeMoney,
  recomputePatientDay,
  setBuiltWith,
  visitDays,
} from './aggregate-repository';
import {
  clearMoneyAggregates,
  recomputeAppointmentMoney,
  recomputeIssueAndCollected,
  recomputeReceivables,
  recomputeVisitMoney,
} from './money-aggregate-repository';
import { clearRevenueCells, recomputeRevenueCellMonths, recomputeRevenueCells } from './revenue-cell-repository';
import { datesOf } from './scope';
import { recomputeWaitMonth, replaceWaitDay, visitTimesOfDay } from './wait-repository';
import { clearWaitPlaces, recomputeWaitPlaceMonth, replaceWaitPlaceDay } from './wait-place-repository';
import { waitBucketsOf, waitPlaceBucketsOf } from './waiting-times';

/**
 * The daily report aggregates (migration 0034; docs/architecture.md "Report aggregates"). Triggers mark the
 * days a change touches; here the marked days are recomputed from the raw rows before a report reads them.
 */

/** The late-cancel window the aggregates count with: the dashboard's, and the reports' default. */
export const AGGREGATE_LATE_CANCEL_HOURS = 24;
const HOUR_MS = 3_600_000;

/** One local day's waiting-time histogram from its visits, and the money invoiced on it by visit. */
async function recomputeVisitDay(db: Kysely<Database>, timeZone: string, day: string): Promise<void> {
  await replaceWaitDays(db, timeZone, day);
  await recomputeVisitMoney(db, day, day);
}

/** One local day's waiting-time histograms, by provider and again by place (location, type, both). */
async function replaceWaitDays(db: Kysely<Database>, timeZone: string, day: string): Promise<void> {
  const visits = await visitTimesOfDay(db, day);
  await replaceWaitDay(db, day, waitBucketsOf(timeZone, visits));
  await replaceWaitPlaceDay(db, day, waitPlaceBucketsOf(timeZone, visits));
}

/** The monthly histograms of the days' months, each once (after all its days). */
async function recomputeWaitMonths(db: Kysely<Database>, days: Iterable<string>): Promise<void> {
  for (const month of new Set([...days].map((day) => day.slice(0, 7)))) {
    await recomputeWaitMonth(db, month);
    await recomputeWaitPlaceMonth(db, month);
  }
}

/**
 * Money on dates in [from, to]: the revenue days (and their cells by location, type and payer), the
 * providers' money by issue and payment date, what is open.
 */
async function recomputeMoneyDays(db: Kysely<Database>, from: string, to: string): Promise<void> {
  await recomputeMoney(db, from, to);
  await recomputeRevenueCells(db, from, to);
  await recomputeIssueAndCollected(db, from, to);
  await recomputeReceivables(db, from, to);
}

/**
 * The local days a marked UTC date overlaps: the day its first instant falls on and the day its last does
 * (usually two).
 */
function localDaysOfUtcDate(timeZone: string, utcDate: string): string[] {
  const start = Date.parse(`${utcDate}T00:00:00Z`);
  // Every local date between, should a short local day (a DST change at midnight) fit inside.
  return datesOf(localDateOf(timeZone, start), localDateOf(timeZone, start + DAY_MS - 1), addDays);
}
const DAY_MS = 86_400_000;

/**
 * What the aggregates hold rows for: raised when a kind of row is added (2: the waits by weekday and hour),
 * so a database built before has them rebuilt on its first read rather than read as empty.
 */
const AGGREGATE_SHAPE = 2;

/** What the aggregates depend on besides the rows: a change of any rebuilds them all. */
function stampOf(timeZone: string): string {
  return JSON.stringify({ timeZone, lateCancelHours: AGGREGATE_LATE_CANCEL_HOURS, shape: AGGREGATE_SHAPE });
}

async function recomputeInstantDays(
  db: Kysely<Database>,
  timeZone: string,
  kind: 'appointments' | 'patients',
  days: Iterable<string>,
) {
  const months = new Set<string>();
  for (const day of days) {
    const { start, end } = localDayBounds(timeZone, day);
    if (kind === 'appointments') {
      await recomputeAppointmentDay(db, day, start, end, AGGREGATE_LATE_CANCEL_HOURS * HOUR_MS);
      await recomputeAppointmentMoney(db, day, start, end);
      months.add(day.slice(0, 7));
    } else await recomputePatientDay(db, day, start, end);
  }
  // Each month once, after its days: its row is their sum.
  for (const month of months) await recomputeAppointmentMonth(db, month);
}

/**
 * Recomputes everything from the raw rows, in the caller's transaction: every local day from the first
 * appointment to the last, every day with a registration, and all money. Answers how many days it rebuilt.
 */
export async function rebuildAggregates(db: Kysely<Database>, timeZone: string): Promise<number> {
  await clearAggregates(db);
  await clearMoneyAggregates(db);
  await clearRevenueCells(db);
  await clearWaitPlaces(db);
  const days = new Set<string>();
  const span = await appointmentSpan(db);
  if (span.first !== null && span.last !== null) {
    const dates = datesOf(localDateOf(timeZone, span.first), localDateOf(timeZone, span.last), addDays);
    await recomputeInstantDays(db, timeZone, 'appointments', dates);
    for (const day of dates) days.add(day);
  }
  // Patients in one pass (registrations may span decades of days with none).
  const registered = new Map<string, number>();
  for (const at of await registrationInstants(db)) {
    const day = localDateOf(timeZone, at);
    registered.set(day, (registered.get(day) ?? 0) + 1);
  }
  for (const [day, count] of registered) {
    await insertPatientDay(db, day, count);
    days.add(day);
  }
  await recomputeMoneyDays(db, '0000-01-01', '9999-12-31');
  await recomputeRevenueCellMonths(db, '0000-01', '9999-12');
  for (const day of await moneyDays(db)) days.add(day);
  await recomputeVisitMoney(db, '0000-01-01', '9999-12-31');
  const visited = await visitDays(db);
  for (const day of visited) {
    await replaceWaitDays(db, timeZone, day);
    days.add(day);
  }
  await recomputeWaitMonths(db, visited);
  await setBuiltWith(db, stampOf(timeZone));
  return days.size;
}

/** Recomputes the days the triggers marked, in the caller's transaction; answers how many. */
async function recomputeMarked(db: Kysely<Database>, timeZone: string): Promise<number> {
  const appointments = new Set<string>();
  const patients = new Set<string>();
  const money = new Set<string>();
  const visits = new Set<string>();
  for (const mark of await dirtyMarks(db)) {
    if (mark.part === 'money') money.add(mark.day);
    else if (mark.part === 'visits') visits.add(mark.day);
    else
      for (const day of localDaysOfUtcDate(timeZone, mark.day))
        (mark.part === 'appointments' ? appointments : patients).add(day);
  }
  await recomputeInstantDays(db, timeZone, 'appointments', appointments);
  await recomputeInstantDays(db, timeZone, 'patients', patients);
  for (const day of money) await recomputeMoneyDays(db, day, day);
  // Each month of those days once, after all of them: its cells are their sum.
  for (const month of new Set([...money].map((day) => day.slice(0, 7))))
    await recomputeRevenueCellMonths(db, month, month);
  for (const day of visits) await recomputeVisitDay(db, timeZone, day);
  await recomputeWaitMonths(db, visits);
  await clearDirtyMarks(db);
  return new Set([...appointments, ...patients, ...money, ...visits]).size;
}

/** True when the aggregates hold the raw rows' figures: built for this zone, and no day marked since. */
export async function aggregatesFresh(db: ReadDb, timeZone: string): Promise<boolean> {
  return (await builtWith(db)) === stampOf(timeZone) && !(await hasDirtyMarks(db));
}

/**
 * Brings the aggregates up to date in one short write transaction of their own: the marked days, or all
 * of them when they were never built or the clinic's zone has changed since. Answers the days recomputed.
 */
export async function refreshAggregates(db: Kysely<Database>, timeZone: string): Promise<number> {
  if (await aggregatesFresh(db, timeZone)) return 0;
  return db
    .transaction()
    .execute(async (trx) =>
      (await builtWith(trx)) === stampOf(timeZone) ? recomputeMarked(trx, timeZone) : rebuildAggregates(trx, timeZone),
    );
}

/**
 * Whether a report may read the aggregates. A plain read (no transaction of its own) refreshes them first:
 * the aggregates are a local cache, not domain data, so this is the one write a read makes. A read inside
 * a transaction (an audited export) cannot open another, so it uses them only when they are already fresh
 * and otherwise reads the raw rows, which give the same figures.
 */
export async function aggregatesReady(ctx: HandlerContext, timeZone: string): Promise<boolean> {
  if ((ctx.db as unknown) === ctx.state.db) {
    await refreshAggregates(ctx.state.db, timeZone);
    return true;
  }
  return aggregatesFresh(ctx.db, timeZone);
}

/** The handle a report may write its caches with: the database itself on a plain read, none inside a transaction. */
export function aggregateWriter(ctx: HandlerContext): Kysely<Database> | null {
  return (ctx.db as unknown) === ctx.state.db ? ctx.state.db : null;
}
