import type { Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';

/** The reminder outbox rows the desk's procedures change or count (the sender keeps its own for now). */

/** A failed reminder goes back to pending, to be tried again at once from its first attempt. */
export async function requeueReminder(db: Kysely<Database>, id: string, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** How many reminders are pending and due by `now`. */
export async function countDueReminders(db: ReadDb, now: number): Promise<number> {
  const due = await db
    .selectFrom('reminder_outbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirstOrThrow();
  return due.count;
}
