import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { countedTotal, denominationsOf, type DenominationCount } from '../../../src-shared/billing/denominations';
import type {
  DaySummary,
  DrawerState,
  DrawerSummary,
  JournalRow,
  MethodTotals,
  PaymentsJournal,
  ZReport,
} from '../../../src-shared/billing/model';
import { formatMoney } from '../../../src-shared/billing/money';
import { displayName } from '../../../src-shared/patients/names';
import type { Database } from '../db/schema';
import type { DrawerRow } from '../db/schema-billing';
import { newId } from '../ids';
import { requireTodayUnlocked, type BillingActor, type BillingContext } from './context';
import {
  closeDrawerRow,
  drawersOn,
  findDrawer,
  insertDrawer,
  journalRows,
  lastClosedDrawer,
  methodSums,
  openDrawerOf,
  type JournalFilter,
  type JournalRowRaw,
  type MethodSumRow,
} from './drawer-repository';
import { deskView } from './setup';
import type { ReadDb } from '../db/handles';

/**
 * Cash drawers, one open per desk: opened with a float; every payment, refund and reversal made at
 * the desk while it is open belongs to it; closed by counting the cash by denomination, the
 * difference from what is expected recorded as over or short with a reason. A closed drawer is
 * frozen (its row refuses change, its payments cannot be reversed, no money counts for its date).
 */

type Db = Kysely<Database>;

export function totalsByMethod(rows: MethodSumRow[]): MethodTotals[] {
  const byName = new Map<string, MethodTotals>();
  for (const row of rows) {
    const key = `${row.method_kind}|${row.method_name}`;
    const totals = byName.get(key) ?? {
      methodKind: row.method_kind,
      methodName: row.method_name,
      count: 0,
      paymentsMinor: 0,
      refundsMinor: 0,
      reversalsMinor: 0,
      netMinor: 0,
    };
    if (row.entry === 'payment') {
      totals.paymentsMinor += row.amount;
      totals.count += row.count;
    } else if (row.entry === 'refund') totals.refundsMinor += row.amount;
    else totals.reversalsMinor += row.amount;
    totals.netMinor = totals.paymentsMinor - totals.refundsMinor - totals.reversalsMinor;
    byName.set(key, totals);
  }
  return [...byName.values()].sort((a, b) => (a.methodName < b.methodName ? -1 : 1));
}

async function summarise(db: ReadDb, drawer: DrawerRow): Promise<DrawerSummary> {
  const byMethod = totalsByMethod(await methodSums(db, [drawer.id]));
  const cash = byMethod.filter((m) => m.methodKind === 'cash').reduce((sum, m) => sum + m.netMinor, 0);
  return {
    id: drawer.id,
    deskId: drawer.desk_id,
    deskName: drawer.desk_name,
    businessDate: drawer.business_date,
    floatMinor: drawer.float_minor,
    openedAt: drawer.opened_at,
    openedBy: drawer.opened_by_name,
    closedAt: drawer.closed_at,
    closedBy: drawer.closed_by_name,
    expectedCashMinor: drawer.expected_cash_minor ?? drawer.float_minor + cash,
    countedCashMinor: drawer.counted_cash_minor,
    overShortMinor: drawer.over_short_minor,
    overShortReason: drawer.over_short_reason,
    byMethod,
  };
}

export async function drawerState(db: ReadDb, context: BillingContext): Promise<DrawerState> {
  const open = await openDrawerOf(db, context.desk.desk_id);
  const closed = await lastClosedDrawer(db, context.desk.desk_id);
  return {
    desk: await deskView(db, context),
    drawer: open ? await summarise(db, open) : null,
    lastClosed: closed ? await summarise(db, closed) : null,
    denominations: [...denominationsOf(context.money.currency)],
    money: context.money,
  };
}

export async function openDrawer(
  db: Db,
  context: BillingContext,
  input: { floatMinor: number },
  actor: BillingActor,
): Promise<string> {
  requireTodayUnlocked(context);
  const open = await openDrawerOf(db, context.desk.desk_id);
  if (open)
    throw new ApiError('CONFLICT', `The drawer at ${context.desk.name} is already open (since ${open.business_date}).`);
  const id = newId();
  await insertDrawer(db, {
    id,
    desk_id: context.desk.desk_id,
    desk_name: context.desk.name,
    business_date: context.today,
    currency: context.money.currency,
    float_minor: input.floatMinor,
    opened_at: context.now,
    opened_by: actor.userId,
    opened_by_name: actor.name,
    closed_at: null,
    closed_by: null,
    closed_by_name: null,
    expected_cash_minor: null,
    counted_cash_minor: null,
    over_short_minor: null,
    over_short_reason: null,
    counts: null,
    created_at: context.now,
    updated_at: context.now,
  });
  return id;
}

export async function closeDrawer(
  db: Db,
  context: BillingContext,
  input: {
    drawerId: string;
    counts?: DenominationCount[] | undefined;
    countedMinor?: number | undefined;
    overShortReason: string | null;
  },
  actor: BillingActor,
): Promise<string> {
  const drawer = await findDrawer(db, input.drawerId);
  if (!drawer || drawer.desk_id !== context.desk.desk_id) throw fieldError('drawerId', 'is not a drawer of this desk');
  if (drawer.closed_at !== null) throw new ApiError('CONFLICT', 'This drawer was already counted and closed.');
  const known = denominationsOf(context.money.currency);
  let counted: number;
  if (input.counts) {
    input.counts.forEach((row, index) => {
      if (known.length > 0 && !known.includes(row.denominationMinor))
        throw fieldError(`counts.${index}.denominationMinor`, `is not a ${context.money.currency} note or coin`);
    });
    counted = countedTotal(input.counts);
    if (input.countedMinor !== undefined && input.countedMinor !== counted)
      throw fieldError('countedMinor', 'does not match the counted notes and coins');
  } else if (input.countedMinor !== undefined) counted = input.countedMinor;
  else throw fieldError('counts', 'count the cash in the drawer');
  const summary = await summarise(db, drawer);
  const overShort = counted - summary.expectedCashMinor;
  if (overShort !== 0 && !input.overShortReason) {
    const word = overShort > 0 ? 'over' : 'short';
    throw new ApiError(
      'VALIDATION',
      `overShortReason: the drawer is ${word} by ${formatMoney(Math.abs(overShort), context.money)}: say why`,
      {
        fields: {
          overShortReason: `the drawer is ${word} by ${formatMoney(Math.abs(overShort), context.money)}: say why`,
        },
        overShortMinor: overShort,
      },
    );
  }
  await closeDrawerRow(db, drawer.id, {
    closed_at: context.now,
    closed_by: actor.userId,
    closed_by_name: actor.name,
    expected_cash_minor: summary.expectedCashMinor,
    counted_cash_minor: counted,
    over_short_minor: overShort,
    over_short_reason: overShort === 0 ? null : input.overShortReason,
    counts: JSON.stringify(input.counts ?? []),
    updated_at: context.now,
  });
  return drawer.id;
}

export function toJournalRow(row: JournalRowRaw): JournalRow {
  return {
    id: row.id,
    kind: row.kind,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    amountMinor: row.amount_minor,
    methodName: row.method_name,
    methodKind: row.method_kind,
    reference: row.reference,
    countsFor: row.counts_for,
    enteredAt: row.entered_at,
    enteredBy: row.entered_by_name,
    deskName: row.desk_name,
    reason: row.reason,
  };
}

export async function zReport(db: ReadDb, context: BillingContext, drawerId: string): Promise<ZReport> {
  const drawer = await findDrawer(db, drawerId);
  if (!drawer) throw fieldError('drawerId', 'no such drawer');
  const rows = await journalRows(db, { from: '0000-01-01', to: '9999-12-31', drawerId, limit: 100_000 });
  return {
    drawer: await summarise(db, drawer),
    counts: drawer.counts ? (JSON.parse(drawer.counts) as DenominationCount[]) : [],
    rows: rows.map(toJournalRow),
    money: context.money,
  };
}

export async function daySummary(db: ReadDb, date: string): Promise<DaySummary> {
  const drawers = await drawersOn(db, date);
  const desks = new Map<string, DrawerRow[]>();
  for (const drawer of drawers) desks.set(drawer.desk_id, [...(desks.get(drawer.desk_id) ?? []), drawer]);
  const perDesk: DaySummary['desks'] = [];
  for (const [deskId, rows] of desks) {
    perDesk.push({
      deskId,
      deskName: rows[rows.length - 1]?.desk_name ?? '',
      drawers: rows.length,
      open: rows.filter((row) => row.closed_at === null).length,
      byMethod: totalsByMethod(
        await methodSums(
          db,
          rows.map((row) => row.id),
        ),
      ),
      overShortMinor: rows.reduce((sum, row) => sum + (row.over_short_minor ?? 0), 0),
    });
  }
  const byMethod = totalsByMethod(
    await methodSums(
      db,
      drawers.map((row) => row.id),
    ),
  );
  return { date, desks: perDesk, byMethod, netMinor: byMethod.reduce((sum, m) => sum + m.netMinor, 0) };
}

export async function paymentsJournal(db: ReadDb, filter: JournalFilter): Promise<PaymentsJournal> {
  const rows = await journalRows(db, filter);
  const byMethod = new Map<string, MethodTotals>();
  for (const row of rows) {
    const key = `${row.method_kind ?? ''}|${row.method_name ?? ''}`;
    const totals = byMethod.get(key) ?? {
      methodKind: row.method_kind ?? 'other',
      methodName: row.method_name ?? '',
      count: 0,
      paymentsMinor: 0,
      refundsMinor: 0,
      reversalsMinor: 0,
      netMinor: 0,
    };
    if (row.kind === 'payment') {
      totals.paymentsMinor += row.amount_minor;
      totals.count += 1;
    } else if (row.kind === 'refund') totals.refundsMinor += row.amount_minor;
    else totals.reversalsMinor += row.amount_minor;
    totals.netMinor = totals.paymentsMinor - totals.refundsMinor - totals.reversalsMinor;
    byMethod.set(key, totals);
  }
  const methods = [...byMethod.values()];
  return {
    from: filter.from,
    to: filter.to,
    rows: rows.map(toJournalRow),
    byMethod: methods,
    netMinor: methods.reduce((sum, m) => sum + m.netMinor, 0),
  };
}
