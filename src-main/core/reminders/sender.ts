import type { Kysely } from 'kysely';
import { clinicWording } from '../../../src-shared/locale/date-format';
import { renderTemplate } from '../../../src-shared/reminders/templates';
import { STATUS_LABELS, type AppointmentStatus } from '../../../src-shared/scheduling/status';
import { localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { ReminderOutboxRow } from '../db/schema-reminders';
import type { ReminderClaims, ReminderSettlement } from './claims';
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
 * Sends the reminders that are due. On a desk connected to a sync server, only those the server
 * granted to this desk (`claims`: sent once for the clinic); those another desk settled are marked as
 * it did. Each row is first claimed in a short transaction (attempt
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
  claims: ReminderClaims | null = null,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { examined: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // A plain read first: the claim below takes the write lock, which most minutes need not.
  if (!(await anyDue(db, clock()))) {
    claims?.nothingDue();
    return outcome;
  }
  const grants = await askClaims(db, claims, clock());
  if (grants === 'offline') return outcome;
  const settlements: ReminderSettlement[] = [];
  const claimed = await db.transaction().execute(async (trx) => {
    const now = clock();
    const due = await dueBatch(trx, now, SEND_BATCH);
    const list: Claimed[] = [];
    for (const row of due) {
      const grant = grants?.get(row.id);
      if (grants && !grant) continue; // due since the claim was asked: the next batch
      if (grant && !grant.granted) {
        // Another desk holds it (its result arrives by sync, or its lease runs out), or settled it.
        if (grant.outcome === 'sent') await markSent(trx, row.id, grant.at ?? now);
        else if (grant.outcome === 'failed') {
          await markFailed(trx, row.id, `Failed on desk ${grant.by ?? 'another desk'}.`, now);
        } else continue;
        outcome.examined += 1;
        continue;
      }
      outcome.examined += 1;
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
        // Skipping is this desk's reading of the synced rows: the claim goes back for the others to judge.
        if (grant) settlements.push({ id: row.id, outcome: 'retry', at: now, retryInMs: 0 });
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
      settlements.push({ id: row.id, outcome: 'sent', at: now });
    } else if (row.attempts >= config.maxAttempts) {
      await markFailed(db, row.id, error, now);
      outcome.failed += 1;
      settlements.push({ id: row.id, outcome: 'failed', at: now });
    } else {
      const wait = backoffMs(config.retryMinutes, row.attempts);
      await scheduleRetry(db, row.id, error, now + wait, now);
      outcome.retrying += 1;
      settlements.push({ id: row.id, outcome: 'retry', at: now, retryInMs: wait });
    }
  }
  if (grants && settlements.length > 0) await claims?.settle(settlements);
  return outcome;
}

/**
 * On a desk connected to a server, the server's answer for the due batch (null: standalone, send
 * alone; `offline`: send nothing now — a desk that cannot ask never sends, so it cannot double-send).
 */
async function askClaims(db: Kysely<Database>, claims: ReminderClaims | null, now: number) {
  if (!claims) return null;
  const due = await dueBatch(db, now, SEND_BATCH);
  if (due.length === 0) {
    claims.nothingDue();
    return null;
  }
  const answer = await claims.claim(
    due.map((row) => row.id),
    CLAIM_LEASE_MS,
  );
  return answer === 'standalone' ? null : answer;
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
