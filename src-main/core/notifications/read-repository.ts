import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { NotificationKind } from '../../../src-shared/api/areas/notifications';

/**
 * A person's read marks on the bell (migration 0027). The row's id is derived from the person and the key,
 * so the same mark made on two desks is one row once they sync, and marking twice changes nothing.
 */

/** A UUID (version 8: custom) from what the row is about: every desk derives the same one. */
function derivedId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const readMarkId = (userId: string, key: string) => derivedId(`notification-read|${userId}|${key}`);
const preferenceId = (userId: string, kind: NotificationKind) => derivedId(`notification-pref|${userId}|${kind}`);

/** Which of these keys the person has marked read. */
export async function readKeys(db: ReadDb, userId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_reads')
    .select('key')
    .where('user_id', '=', userId)
    .where('key', 'in', [...keys])
    .execute();
  return new Set(rows.map((row) => row.key));
}

/** Marks these keys read for the person; answers how many were not read before. */
export async function insertReadMarks(
  db: Kysely<Database>,
  userId: string,
  keys: readonly string[],
  now: number,
): Promise<number> {
  let marked = 0;
  for (const key of new Set(keys)) {
    const result = await db
      .insertInto('notification_reads')
      .values({ id: readMarkId(userId, key), user_id: userId, key, read_at: now, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    marked += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return marked;
}

/** The kinds the person turned off. */
export async function hiddenKinds(db: ReadDb, userId: string): Promise<NotificationKind[]> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select('kind')
    .where('user_id', '=', userId)
    .where('on_screen', '=', 0)
    .execute();
  return rows.map((row) => row.kind);
}

/** Shows or hides one kind on the person's bell. */
export async function savePreference(
  db: Kysely<Database>,
  userId: string,
  kind: NotificationKind,
  onScreen: boolean,
  now: number,
): Promise<void> {
  const on_screen = onScreen ? 1 : 0;
  await db
    .insertInto('notification_preferences')
    .values({ id: preferenceId(userId, kind), user_id: userId, kind, on_screen, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ on_screen, updated_at: now }))
    .execute();
}
