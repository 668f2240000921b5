import type { Kysely } from 'kysely';
import { REMINDER_CHANNELS } from '../../../src-shared/api/areas/reminders';
import type { Database } from '../db/schema';
import { plannedReminderId } from './claims';
import { reminderConsents, type ConsentClinic } from './consent';
import { addressFor, contactsOf } from './contacts';
import { appointmentsStartingBetween, insertPlanned } from './outbox-repository';
import { channelOn, type ReminderConfig } from './settings';

/** Statuses worth reminding: a patient who arrived or cancelled needs no reminder. */
export const REMINDABLE_STATUSES = ['booked', 'confirmed'] as const;

/** How far beyond the largest offset rows are planned, so the desk sees them coming on the list. */
const LOOKAHEAD_MS = 24 * 3_600_000;

/**
 * Creates the outbox rows that are missing for upcoming appointments. Idempotent: the unique
 * (appointment, channel, offset, start) key makes a second run insert nothing, and the id comes from
 * that key, so every desk of a clinic plans the same row (sent once: claims.ts).
 *
 * An offset whose time has already passed when the appointment is first seen (booked 30 hours
 * ahead with a 48 h reminder) is planned only if it is the latest of the passed ones, so that a
 * late booking gets one reminder at once rather than one per offset.
 *
 * A channel the patient has no address for, or (when the clinic requires it) no active consent
 * for, gets no rows; they are planned on a later run once the address or the consent is recorded.
 */
export async function planReminders(
  db: Kysely<Database>,
  config: ReminderConfig,
  clinic: ConsentClinic,
  now: number,
): Promise<number> {
  const channels = REMINDER_CHANNELS.filter((channel) => channelOn(config, channel));
  const largest = config.offsetsMinutes[0];
  if (channels.length === 0 || largest === undefined) return 0;

  const appointments = await appointmentsStartingBetween(
    db,
    now,
    now + largest * 60_000 + LOOKAHEAD_MS,
    REMINDABLE_STATUSES,
  );
  if (appointments.length === 0) return 0;
  const patientIds = appointments.map((appointment) => appointment.patient_id);
  const contacts = await contactsOf(db, patientIds);
  const consentGap = await reminderConsents(db, config, patientIds, clinic, now);

  const rows = [];
  for (const appointment of appointments) {
    const passed = config.offsetsMinutes.filter((offset) => appointment.start_at - offset * 60_000 <= now);
    const latestPassed = passed.at(-1);
    for (const channel of channels) {
      if (!addressFor(contacts.get(appointment.patient_id), channel)) continue;
      if (consentGap(appointment.patient_id, channel) !== null) continue;
      for (const offset of config.offsetsMinutes) {
        if (passed.includes(offset) && offset !== latestPassed) continue;
        const dueAt = appointment.start_at - offset * 60_000;
        rows.push({
          id: plannedReminderId(appointment.id, channel, offset, appointment.start_at),
          appointment_id: appointment.id,
          channel,
          offset_minutes: offset,
          appointment_start_at: appointment.start_at,
          due_at: dueAt,
          next_attempt_at: Math.max(dueAt, now),
          created_at: now,
          updated_at: now,
        });
      }
    }
  }
  return insertPlanned(db, rows);
}
