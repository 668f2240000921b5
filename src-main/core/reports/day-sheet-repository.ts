import type { ReadDb } from '../db/handles';

/** The day sheet's own reads (the rest come from the reports' and billing's repositories). */

/**
 * Visits of the day that were not cancelled: how many arrived, and how many of them were checked out; one
 * provider's when given.
 */
export async function visitsOfDay(
  db: ReadDb,
  date: string,
  providerId: string | null,
): Promise<{ checkedIn: number; checkedOut: number }> {
  let query = db
    .selectFrom('visits')
    .select((eb) => [eb.fn.countAll<number>().as('checkedIn'), eb.fn.count<number>('checked_out_at').as('checkedOut')])
    .where('deleted_at', 'is', null)
    .where('status', '<>', 'cancelled')
    .where('local_date', '=', date);
  if (providerId !== null) query = query.where('provider_id', '=', providerId);
  const row = await query.executeTakeFirst();
  return { checkedIn: row?.checkedIn ?? 0, checkedOut: row?.checkedOut ?? 0 };
}

/**
 * Invoices and credit notes issued on the day: how many and their totals, by kind. A provider's are those
 * of their appointment or visit, as the revenue report's `issuedByDay` counts them.
 */
export function issuedOn(db: ReadDb, date: string, providerId: string | null) {
  let query = db
    .selectFrom('invoices as i')
    .leftJoin('appointments as a', 'a.id', 'i.appointment_id')
    .leftJoin('visits as v', 'v.id', 'i.visit_id')
    .select((eb) => ['i.kind', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('i.total_minor').as('amount')])
    .where('i.status', '=', 'issued')
    .where('i.issued_on', '=', date);
  if (providerId !== null)
    query = query.where((eb) => eb(eb.fn.coalesce('a.provider_id', 'v.provider_id'), '=', providerId));
  return query.groupBy('i.kind').execute();
}
