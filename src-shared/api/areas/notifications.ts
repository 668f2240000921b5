import { z } from 'zod';
import { procedure } from '../procedure';
import { boundedString } from '../../validation';

/**
 * Staff notifications (issue 20): the header's bell. Each is derived when read from the rows it is about,
 * and only for those it concerns; a person's read marks are the only thing stored (migration 0027).
 */
export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_overdue',
  'reminder_failed',
  'stock_alert',
  'stock_expiring',
  'referral_overdue',
  'conflict',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  /** Stable for what it is about ("task:<id>", "referral-overdue:<id>", "stock-expiring:<lotId>"…): read marks name it. */
  key: string;
  kind: NotificationKind;
  /** What it names: a task's title, an item's name, a conflict's kind; never a reminder's patient. */
  subject: string;
  /** A second fact: the task's due time, the reminder's appointment start, stock on hand (epoch ms or a count). */
  at: number | null;
  /** For stock alerts: on hand and the reorder level; else null. */
  stock: { onHand: number; reorderLevel: number } | null;
  /** A clinic date: a referral's target date, a lot's expiry date; else null. */
  on: string | null;
  /** Where the bell's link opens ("#/tasks", "#/reminders", "#/stock/item/<id>", "#/conflicts"). */
  href: string;
  read: boolean;
}

export interface Notifications {
  /** Newest first within each kind: tasks, then reminders, stock and conflicts. */
  items: NotificationView[];
  unread: number;
  /** When the list changes by itself (the next open task falls overdue), for the bell to read again then. */
  nextChangeAt: number | null;
  /** The kinds this person turned off (preferences per kind); the bell leaves them out. */
  hiddenKinds: NotificationKind[];
}

/** A notification key: what `NotificationView.key` may be. */
const key = boundedString(200)
  .min(1, 'must not be empty')
  .regex(/^[a-z-]+:[\w:-]+$/, 'must be a notification key');

export const notificationsProcedures = {
  /** What concerns the signed-in person now; refused while the screen is locked (as every procedure is). */
  'notifications.list': procedure<Notifications>()({ input: z.object({}), access: 'session', kind: 'read', phi: true }),
  /** Marks these notifications read for the signed-in person (on every desk, once synced). */
  'notifications.markRead': procedure<{ marked: number }>()({
    input: z.object({ keys: z.array(key).min(1, 'name at least one notification').max(200, 'at most 200 at once') }),
    access: 'session',
    kind: 'write',
  }),
  /** Shows or hides one kind on the signed-in person's bell (on every desk, once synced). */
  'notifications.setShown': procedure<{ hiddenKinds: NotificationKind[] }>()({
    input: z.object({
      kind: z.enum(NOTIFICATION_KINDS, { error: `must be one of ${NOTIFICATION_KINDS.join(', ')}` }),
      onScreen: z.boolean({ error: 'must be true or false' }),
    }),
    access: 'session',
    kind: 'write',
  }),
};
