import type { ReadDb } from '../db/handles';

/** The day sheet's own reads (the rest come from the reports' and billing's repositories). */

/** Visits of the day that were not cancelled: how many arrived, and how many of them were checked out. */
export async function visitsOfDay(db: ReadDb, date: string): Promise<{ checkedIn: number; checkedOut: number }> {
  const row = await db
    .selectFrom('visits')
    .select((eb) => [eb.fn.countAll<number>().as('checkedIn'), eb.fn.count<number>('checked_out_at').as('checkedOut')])
    .where('deleted_at', 'is', null)
    .where('status', '<>', 'cancelled')
    .where('local_date', '=', date)
    .executeTakeFirst();
  return { checkedIn: row?.checkedIn ?? 0, checkedOut: row?.checkedOut ?? 0 };
}

/** Invoices and credit notes issued on the day: how many and their totals, by kind. */
export function issuedOn(db: ReadDb, date: string) {
  return db
    .selectFrom('invoices')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('total_minor').as('amount')])
    .where('status', '=', 'issued')
    .where('issued_on', '=', date)
    .groupBy('kind')
    .execute();
}
