import type { Kysely } from 'kysely';
import { CONFLICT_RESOLVERS } from '../../../src-shared/api/areas/conflicts';
import type { NotificationKind, NotificationView, Notifications } from '../../../src-shared/api/areas/notifications';
import type { Permission } from '../../../src-shared/api/permissions';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import { listOpenConflicts } from '../conflicts/service';
import { dueList } from '../reminders/lists';
import { overdueFrom } from '../../../src-shared/referrals/rules';
import { waitingReferrals } from '../referrals/service';
import { clinicClock } from '../scheduling/config';
import { stockContext } from '../stock/context';
import { findItem } from '../stock/setup-repository';
import { belowReorderList, stockAlerts } from '../stock/views';
import { listTasks, type Caller } from '../tasks/service';
import { hiddenKinds, insertReadMarks, readKeys, savePreference } from './read-repository';

/**
 * The bell: what concerns one person now, derived from the rows it is about at read time (nothing is
 * copied, so a task closed, a reminder retried or stock received drops off by itself on every desk).
 * Each kind goes only to those it concerns:
 * - a task given to them or to their role (their "My tasks"), and the same task again once overdue;
 * - a reminder that failed, to those who see the call list (`appointments:read`);
 * - stock below its reorder level, and lots expiring or expired on the shelf, to those who see stock (`stock:read`);
 * - a referral in past its target date and not yet booked, to those who own referrals (`referrals:manage`);
 * - an open conflict, to those who may resolve its kind (CONFLICT_RESOLVERS).
 */

/** Enough for a bell; the screens behind each link hold the full lists. */
const LIMIT = 50;

type Draft = Omit<NotificationView, 'read'>;

async function taskNotes(db: ReadDb, caller: Caller, now: number): Promise<{ notes: Draft[]; next: number | null }> {
  if (!caller.permissions.has('tasks:read')) return { notes: [], next: null };
  const tasks = await listTasks(db, { scope: 'mine', status: 'open' }, caller, now);
  const notes: Draft[] = [];
  let next: number | null = null;
  for (const task of tasks) {
    const base = { subject: task.title, at: task.dueAt, stock: null, on: null, href: '#/tasks' };
    if (task.dueState === 'overdue') notes.push({ key: `task-overdue:${task.id}`, kind: 'task_overdue', ...base });
    // Overdue from the instant after its due time (tasks/rules.ts isOverdue).
    else if (task.dueAt !== null && (next === null || task.dueAt + 1 < next)) next = task.dueAt + 1;
    notes.push({ key: `task:${task.id}`, kind: 'task_assigned', ...base });
  }
  return { notes, next };
}

async function reminderNotes(db: ReadDb, caller: Caller, now: number): Promise<Draft[]> {
  if (!caller.permissions.has('appointments:read')) return [];
  // The patient is not named: the call list behind the link names them, after its own audited read.
  return (await dueList(db, now, 'failed')).map((entry) => ({
    key: `reminder:${entry.id}`,
    kind: 'reminder_failed',
    subject: entry.providerName,
    at: entry.appointmentStartAt,
    stock: null,
    on: null,
    href: '#/reminders',
  }));
}

async function stockNotes(db: ReadDb, caller: Caller): Promise<Draft[]> {
  if (!caller.permissions.has('stock:read')) return [];
  return (await belowReorderList(db)).map((item) => ({
    key: `stock-low:${item.itemId}`,
    kind: 'stock_alert',
    subject: item.itemName,
    at: null,
    stock: { onHand: item.onHand, reorderLevel: item.reorderLevel },
    on: null,
    href: `#/stock/item/${encodeURIComponent(item.itemId)}`,
  }));
}

/**
 * Lots expiring within the near-expiry window or already expired on the shelf, to those who see stock.
 * Only what the stock alerts screen lists (its first page of each): enough for a bell.
 */
async function expiringNotes(db: ReadDb, caller: Caller, now: number): Promise<Draft[]> {
  if (!caller.permissions.has('stock:read')) return [];
  const alerts = await stockAlerts(db, await stockContext(db, now, caller));
  // A lot kept in two places is one notification.
  const lots = [...alerts.expiredOnShelf, ...alerts.expiringSoon].filter(
    (lot, index, all) => all.findIndex((other) => other.lotId === lot.lotId) === index,
  );
  const names = new Map<string, string>();
  for (const itemId of new Set(lots.map((lot) => lot.itemId)))
    names.set(itemId, (await findItem(db, itemId))?.name ?? '');
  return lots.map((lot) => ({
    key: `stock-expiring:${lot.lotId}`,
    kind: 'stock_expiring',
    subject: `${names.get(lot.itemId) ?? ''} (${lot.lotNumber})`,
    at: null,
    stock: null,
    on: lot.expiryOn,
    href: `#/stock/item/${encodeURIComponent(lot.itemId)}`,
  }));
}

/**
 * Referrals in past their target date and still not booked, to those who own referrals. The subject is
 * the referrer and the urgency, never the patient: the work list behind the link names them.
 */
async function referralNotes(
  db: ReadDb,
  caller: Caller,
  now: number,
): Promise<{ notes: Draft[]; next: number | null }> {
  if (!caller.permissions.has('referrals:manage')) return { notes: [], next: null };
  const { timeZone } = await clinicClock(db);
  const notes: Draft[] = [];
  let next: number | null = null;
  for (const referral of await waitingReferrals(db, now)) {
    if (referral.targetState === 'overdue') {
      notes.push({
        key: `referral-overdue:${referral.id}`,
        kind: 'referral_overdue',
        subject: referral.referrerName,
        at: null,
        stock: null,
        on: referral.targetOn,
        href: '#/referrals',
      });
    } else {
      const from = overdueFrom(referral.targetOn, timeZone);
      if (next === null || from < next) next = from;
    }
  }
  return { notes, next };
}

async function conflictNotes(db: ReadDb, caller: Caller): Promise<Draft[]> {
  const may = (permission: Permission) => caller.permissions.has(permission);
  if (!Object.values(CONFLICT_RESOLVERS).some(may)) return [];
  return (await listOpenConflicts(db, {}, may))
    .filter((conflict) => conflict.canResolve)
    .map((conflict) => ({
      key: `conflict:${conflict.id}`,
      kind: 'conflict',
      subject: conflict.kind,
      at: conflict.detectedAt,
      stock: null,
      on: null,
      href: '#/conflicts',
    }));
}

/** What concerns the caller now, unread first, with their read marks. */
export async function notificationsFor(db: ReadDb, caller: Caller, now: number): Promise<Notifications> {
  const tasks = await taskNotes(db, caller, now);
  const referrals = await referralNotes(db, caller, now);
  const hidden = await hiddenKinds(db, caller.userId ?? '');
  const drafts = [
    ...tasks.notes,
    ...referrals.notes,
    ...(await reminderNotes(db, caller, now)),
    ...(await stockNotes(db, caller)),
    ...(await expiringNotes(db, caller, now)),
    ...(await conflictNotes(db, caller)),
  ].filter((draft) => !hidden.includes(draft.kind));
  const read = await readKeys(
    db,
    caller.userId ?? '',
    drafts.map((draft) => draft.key),
  );
  const items = drafts.map((draft) => ({ ...draft, read: read.has(draft.key) }));
  const unread = items.filter((item) => !item.read).length;
  // Unread first, each group in the order above (tasks by due time, referrals, reminders, stock, conflicts).
  const ordered = [...items.filter((item) => !item.read), ...items.filter((item) => item.read)].slice(0, LIMIT);
  const nextChangeAt =
    tasks.next === null ? referrals.next : referrals.next === null ? tasks.next : Math.min(tasks.next, referrals.next);
  return { items: ordered, unread, nextChangeAt, hiddenKinds: hidden };
}

export async function markRead(
  db: Kysely<Database>,
  userId: string,
  keys: readonly string[],
  now: number,
): Promise<{ marked: number }> {
  return { marked: await insertReadMarks(db, userId, keys, now) };
}

export async function setShown(
  db: Kysely<Database>,
  userId: string,
  input: { kind: NotificationKind; onScreen: boolean },
  now: number,
): Promise<{ hiddenKinds: NotificationKind[] }> {
  await savePreference(db, userId, input.kind, input.onScreen, now);
  return { hiddenKinds: await hiddenKinds(db, userId) };
}
