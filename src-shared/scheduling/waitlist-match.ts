import { isoWeekday } from './time';

/**
 * Does a waitlist entry fit a slot that has just been freed? Pure, so the rule is tested alone and
 * the renderer could reuse it.
 */

export const WAITLIST_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type WaitlistPriority = (typeof WAITLIST_PRIORITIES)[number];

export const WAITLIST_PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type WaitlistPartOfDay = (typeof WAITLIST_PARTS_OF_DAY)[number];

/** Wall-clock start windows, [from, to) minutes; the same as next-available's part of day. */
export const PART_OF_DAY_WINDOWS: Record<WaitlistPartOfDay, [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

export interface WaitlistCriteria {
  patientId: string;
  /** Empty: any provider (who may see the type). */
  providerIds: readonly string[];
  earliestDate: string;
  latestDate: string | null;
  /** ISO weekdays 1-7; empty: any day. */
  weekdays: readonly number[];
  /** Empty: any time of day. */
  partsOfDay: readonly WaitlistPartOfDay[];
  /** The entry's appointment type: its length and who may see it (empty: anyone). */
  durationMinutes: number;
  typeProviderIds: readonly string[];
}

export interface FreedSlot {
  providerId: string;
  /** The clinic's wall clock at the slot's start. */
  date: string;
  startMinutes: number;
  /** How long the provider is free from the start (availability and other bookings allowing). */
  freeMinutes: number;
}

/** Why the entry does not fit the slot, or null when it does. */
export function mismatch(entry: WaitlistCriteria, slot: FreedSlot): string | null {
  if (entry.typeProviderIds.length > 0 && !entry.typeProviderIds.includes(slot.providerId))
    return 'the provider does not see this type';
  if (entry.providerIds.length > 0 && !entry.providerIds.includes(slot.providerId))
    return 'another provider was asked for';
  if (slot.date < entry.earliestDate) return 'before the earliest date';
  if (entry.latestDate !== null && slot.date > entry.latestDate) return 'after the latest date';
  if (entry.weekdays.length > 0 && !entry.weekdays.includes(isoWeekday(slot.date))) return 'not on a preferred weekday';
  if (
    entry.partsOfDay.length > 0 &&
    !entry.partsOfDay.some((part) => inWindow(PART_OF_DAY_WINDOWS[part], slot.startMinutes))
  ) {
    return 'not at a preferred time of day';
  }
  if (entry.durationMinutes > slot.freeMinutes)
    return `needs ${entry.durationMinutes} minutes, ${slot.freeMinutes} are free`;
  return null;
}

function inWindow([from, to]: [number, number], minutes: number): boolean {
  return minutes >= from && minutes < to;
}

const PRIORITY_RANK: Record<WaitlistPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Most urgent first; within a priority, who has waited longest. */
export function byPriorityThenAge(
  a: { priority: WaitlistPriority; createdAt: number; id: string },
  b: { priority: WaitlistPriority; createdAt: number; id: string },
): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}
