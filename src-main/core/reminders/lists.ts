import type { Kysely } from 'kysely';
import {
  REMINDER_CHANNELS,
  type CallListEntry,
  type ReminderChannel,
  type ReminderEntry,
  type ReminderStatus,
} from '../../../src-shared/api/areas/reminders';
import { addDays, localDateOf, localDayBounds } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import { reminderConsents, type ConsentClinic } from './consent';
import { addressFor, contactsOf, type PatientContacts } from './contacts';
import { entriesWithNames, namedAppointmentsBetween, sentOrFailed } from './outbox-repository';
import { REMINDABLE_STATUSES } from './planner';
import { phonesOf } from './recipient-repository';
import { channelOn, type ReminderConfig } from './settings';
import type { ReadDb } from '../db/handles';
import { displayName } from '../../../src-shared/patients/names';
import type { PhoneKind } from '../../../src-shared/patients/model';

const HOUR_MS = 3_600_000;
const LIST_LIMIT = 500;

/**
 * The on-screen outbox: reminders due up to three days ahead for appointments from yesterday on
 * (a 48 h reminder already sent still shows beside its appointment), plus older ones still pending
 * or failed (they need someone's attention until they are sent or retried).
 */
export async function dueList(db: ReadDb, now: number, status: ReminderStatus | 'all'): Promise<ReminderEntry[]> {
  let query = entriesWithNames(db)
    .where('r.due_at', '<=', now + 72 * HOUR_MS)
    .where((eb) =>
      eb.or([eb('r.appointment_start_at', '>=', now - 24 * HOUR_MS), eb('r.status', 'in', ['pending', 'failed'])]),
    );
  if (status !== 'all') query = query.where('r.status', '=', status);
  const rows = await query.orderBy('r.due_at').orderBy('r.channel').orderBy('r.id').limit(LIST_LIMIT).execute();
  return rows.map(toEntry);
}

export async function dueEntry(db: Kysely<Database>, id: string): Promise<ReminderEntry | undefined> {
  const row = await entriesWithNames(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entriesWithNames>['executeTakeFirstOrThrow']>>;

function toEntry(row: EntryRow): ReminderEntry {
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    patientId: row.patient_id,
    patientName: displayName({ firstName: row.first_name, lastName: row.last_name }),
    providerName: row.display_name,
    appointmentStartAt: row.appointment_start_at,
    channel: row.channel,
    offsetMinutes: row.offset_minutes,
    dueAt: row.due_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    recipient: row.recipient,
    sentAt: row.sent_at,
  };
}

/**
 * Appointments from now to the end of tomorrow (clinic time) that no reminder reaches: the patient
 * has no address for any channel that is on, has no active consent for any channel they have an
 * address for (when the clinic requires consent), or their reminder failed and none was sent.
 */
export async function callList(
  db: ReadDb,
  config: ReminderConfig,
  clinic: ConsentClinic,
  now: number,
): Promise<CallListEntry[]> {
  const end = localDayBounds(clinic.timeZone, addDays(localDateOf(clinic.timeZone, now), 1)).end;
  const appointments = await namedAppointmentsBetween(db, now, end, REMINDABLE_STATUSES);
  if (appointments.length === 0) return [];
  const ids = appointments.map((appointment) => appointment.id);
  const patientIds = appointments.map((appointment) => appointment.patient_id);
  const contacts = await contactsOf(db, patientIds);
  const consentGap = await reminderConsents(db, config, patientIds, clinic, now);
  const outbox = await sentOrFailed(db, ids);
  const phones = await phonesOf(db, [...new Set(patientIds)]);

  const list: CallListEntry[] = [];
  for (const appointment of appointments) {
    const rows = outbox.filter(
      (row) => row.appointment_id === appointment.id && row.appointment_start_at === appointment.start_at,
    );
    const why = unreached(
      config,
      contacts.get(appointment.patient_id),
      (channel) => consentGap(appointment.patient_id, channel),
      rows,
    );
    if (!why) continue;
    list.push({
      appointmentId: appointment.id,
      patientId: appointment.patient_id,
      patientName: displayName({ firstName: appointment.first_name, lastName: appointment.last_name }),
      phones: phones
        .filter((phone) => phone.patient_id === appointment.patient_id)
        .map((phone) => ({ kind: phone.kind as PhoneKind, number: phone.number })),
      startAt: appointment.start_at,
      providerName: appointment.display_name,
      ...why,
    });
  }
  return list;
}

/** Why one appointment gets no reminder, or null when one is on its way (or was sent). */
function unreached(
  config: ReminderConfig,
  contacts: PatientContacts | undefined,
  consentGap: (channel: ReminderChannel) => string | null,
  rows: readonly { status: ReminderStatus; last_error: string | null }[],
): Pick<CallListEntry, 'reason' | 'detail'> | null {
  const addressed = REMINDER_CHANNELS.filter((channel) => channelOn(config, channel) && addressFor(contacts, channel));
  if (addressed.length === 0)
    return {
      reason: 'no_contact',
      detail: unreachableDetail(config, contacts?.email ?? null, contacts?.mobile ?? null),
    };
  const gaps = addressed.map(consentGap);
  if (gaps.every((gap) => gap !== null)) return { reason: 'no_consent', detail: gaps.join(' ') };
  const failed = rows.find((row) => row.status === 'failed');
  if (failed && !rows.some((row) => row.status === 'sent'))
    return { reason: 'reminder_failed', detail: `The reminder failed: ${failed.last_error ?? 'no reason given'}` };
  return null;
}

function unreachableDetail(config: ReminderConfig, email: string | null, mobile: string | null): string {
  if (!email && !mobile) return 'No email address or mobile number on the record.';
  if (!config.emailEnabled && !config.smsEnabled) return 'Reminders by email and SMS are turned off.';
  if (email && !config.emailEnabled)
    return 'Has an email address, but reminders by email are turned off; no mobile number.';
  return 'Has a mobile number, but reminders by SMS are turned off; no email address.';
}
