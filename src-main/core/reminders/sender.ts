import type { Kysely } from 'kysely';
import { clinicWording } from '../../../src-shared/locale/date-format';
import { renderTemplate } from '../../../src-shared/reminders/templates';
import { STATUS_LABELS, type AppointmentStatus } from '../../../src-shared/scheduling/status';
import { localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { ReminderOutboxRow } from '../db/schema-reminders';
import { reminderConsents } from './consent';
import { addressFor, contactsOf } from './contacts';
import { appointmentFacts, templateValues, type AppointmentFacts, type ClinicFacts } from './message';
import { anyDue, claimReminder, dueBatch, markFailed, markSent, markSkipped, scheduleRetry } from './outbox-repository';
import { REMINDABLE_STATUSES } from './planner';
import { channelOn, type ReminderConfig } from './settings';
import type { OutgoingReminder, ReminderTransport } from './transport';

/** A claimed row is left alone this long; if the process dies mid-send, it is tried again after. */
const CLAIM_LEASE_MS = 10 * 60_000;
export const SEND_BATCH = 50;

export interface SendOutcome {
  /** Rows looked at; a full batch means more may be waiting. */
  examined: number;
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

interface Claimed {
  row: ReminderOutboxRow;
  message: OutgoingReminder;
}

/**
 * Sends the reminders that are due. Each row is first claimed in a short transaction (attempt
 * counted, a lease set) after checking that its appointment still exists at the start it was
 * planned for and is not cancelled, and that the patient's consent still holds when the clinic
 * requires one (it may have been revoked or run out since planning) — otherwise it is `skipped`
 * with the reason. The network work happens outside any transaction, so a slow server never holds
 * the database; the result is written in another short transaction.
 */
export async function sendDue(
  db: Kysely<Database>,
  config: ReminderConfig,
  clinic: ClinicFacts,
  transport: ReminderTransport,
  clock: () => number,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { examined: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // A plain read first: the claim below takes the write lock, which most minutes need not.
  if (!(await anyDue(db, clock()))) return outcome;
  const claimed = await db.transaction().execute(async (trx) => {
    const now = clock();
    const due = await dueBatch(trx, now, SEND_BATCH);
    outcome.examined = due.length;
    const list: Claimed[] = [];
    for (const row of due) {
      const appointment = await appointmentFacts(trx, row.appointment_id);
      const contacts = appointment ? await contactsOf(trx, [appointment.patientId]) : undefined;
      const to = appointment ? addressFor(contacts?.get(appointment.patientId), row.channel) : null;
      const consentGap = appointment
        ? (await reminderConsents(trx, config, [appointment.patientId], clinic, now))(
            appointment.patientId,
            row.channel,
          )
        : null;
      const reason = skipReason(row, appointment, to, config, clinic, now) ?? consentGap;
      if (reason || !appointment || !to) {
        await markSkipped(trx, row.id, reason ?? 'Nothing to send.', now);
        outcome.skipped += 1;
        continue;
      }
      await claimReminder(trx, row, to, now + CLAIM_LEASE_MS, now);
      const values = templateValues(appointment, clinic);
      const text = renderTemplate(row.channel === 'email' ? config.emailBody : config.smsBody, values);
      list.push({
        row: { ...row, attempts: row.attempts + 1 },
        message: {
          reminderId: row.id,
          appointmentId: row.appointment_id,
          to,
          subject: renderTemplate(config.emailSubject, values),
          text,
        },
      });
    }
    return list;
  });

  for (const { row, message } of claimed) {
    let error: string | null = null;
    try {
      await (row.channel === 'email' ? transport.email(config, message) : transport.sms(config, message));
    } catch (caught) {
      error = describe(caught);
    }
    const now = clock();
    if (error === null) {
      await markSent(db, row.id, now);
      outcome.sent += 1;
    } else if (row.attempts >= config.maxAttempts) {
      await markFailed(db, row.id, error, now);
      outcome.failed += 1;
    } else {
      await scheduleRetry(db, row.id, error, now + backoffMs(config.retryMinutes, row.attempts), now);
      outcome.retrying += 1;
    }
  }
  return outcome;
}

/** After the nth failed attempt wait retry × 2^(n-1): 5, 10, 20 … minutes. */
export function backoffMs(retryMinutes: number, attempts: number): number {
  return retryMinutes * 60_000 * 2 ** Math.max(0, attempts - 1);
}

function skipReason(
  row: ReminderOutboxRow,
  appointment: AppointmentFacts | undefined,
  to: string | null,
  config: ReminderConfig,
  clinic: ClinicFacts,
  now: number,
): string | null {
  if (!appointment || appointment.deletedAt !== null) return 'The appointment no longer exists.';
  if (appointment.status === 'cancelled') return 'The appointment was cancelled.';
  if (!(REMINDABLE_STATUSES as readonly string[]).includes(appointment.status)) {
    return `The appointment is now ${STATUS_LABELS[appointment.status as AppointmentStatus]}.`;
  }
  if (appointment.startAt !== row.appointment_start_at) {
    const moved = clinicWording(clinic.dateFormat, clinic.timeFormat).dateTime(
      localDateOf(clinic.timeZone, appointment.startAt),
      localTimeOf(clinic.timeZone, appointment.startAt),
    );
    return `The appointment was moved to ${moved}.`;
  }
  if (appointment.startAt <= now) return 'The appointment has already started.';
  if (!channelOn(config, row.channel))
    return `Reminders by ${row.channel === 'email' ? 'email' : 'SMS'} are turned off.`;
  if (!config.offsetsMinutes.includes(row.offset_minutes)) return 'This reminder time was removed from the settings.';
  if (!to) return row.channel === 'email' ? 'The patient has no email address.' : 'The patient has no mobile number.';
  return null;
}

/** The error and its causes in one line ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"). */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && parts.length < 4) {
    parts.push(current.message);
    current = current.cause;
  }
  return (parts.length > 0 ? parts.join(': ') : String(error)).slice(0, 500);
}
