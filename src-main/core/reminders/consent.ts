import type { Kysely } from 'kysely';
import type { ConsentKind } from '../../../src-shared/patients/consents';
import type { ReminderChannel } from '../../../src-shared/api/areas/reminders';
import { consentInForce } from '../../../src-shared/patients/consents';
import { formatDate } from '../../../src-shared/patients/dates';
import { localDateOf } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { ClinicFacts } from './message';
import { markSkipped, pendingOfPatient } from './outbox-repository';
import { consentsOf } from './recipient-repository';
import type { ReminderConfig } from './settings';
import type { ReadDb } from '../db/handles';

/**
 * The consent each channel needs. Only these: a treatment or privacy consent says nothing about
 * being contacted by text or email, so it does not count.
 */
export const CHANNEL_CONSENT: Record<ReminderChannel, ConsentKind> = { sms: 'sms_reminders', email: 'email_reminders' };

export function isReminderConsent(kind: ConsentKind): boolean {
  return kind === CHANNEL_CONSENT.sms || kind === CHANNEL_CONSENT.email;
}

const CHANNEL_NAMES: Record<ReminderChannel, string> = { sms: 'SMS', email: 'email' };

/** One recorded consent as far as reminders care. */
export interface ConsentRecord {
  givenOn: string;
  /** The last day it holds (inclusive), as the check-in review reads it too. */
  expiresOn: string | null;
  revokedAt: number | null;
  createdAt: number;
}

/** What a reason's dates need: "today" and revocation days on the clinic's calendar, in its format. */
export type ConsentClinic = Pick<ClinicFacts, 'timeZone' | 'dateFormat'>;

/**
 * Null when one of the records holds on `today` (given on or before it, not past its expiry, not
 * revoked); otherwise a sentence for the desk about the latest one (or that there is none).
 */
export function consentGap(
  records: readonly ConsentRecord[],
  channel: ReminderChannel,
  today: string,
  clinic: ConsentClinic,
): string | null {
  if (records.some((record) => consentInForce(record, today))) return null;
  const what = `consent to ${CHANNEL_NAMES[channel]} reminders`;
  const latest = [...records].sort((a, b) => b.givenOn.localeCompare(a.givenOn) || b.createdAt - a.createdAt)[0];
  if (!latest) return `No ${what} is on file.`;
  const date = (iso: string) => formatDate(iso, clinic.dateFormat);
  if (latest.revokedAt !== null)
    return `The ${what} was revoked on ${date(localDateOf(clinic.timeZone, latest.revokedAt))}.`;
  if (latest.givenOn > today) return `The ${what} holds only from ${date(latest.givenOn)}.`;
  return `The ${what} was valid until ${date(latest.expiresOn ?? today)}.`;
}

/** Answers "may this patient be reminded by this channel?": null for yes, else the reason why not. */
export type ConsentCheck = (patientId: string, channel: ReminderChannel) => string | null;

/**
 * Reads the reminder consents of these patients once and answers for each, on the clinic's today.
 * With the setting off every patient may be reminded, and nothing is read.
 */
export async function reminderConsents(
  db: ReadDb,
  config: Pick<ReminderConfig, 'requireConsent'>,
  patientIds: readonly string[],
  clinic: ConsentClinic,
  now: number,
): Promise<ConsentCheck> {
  const unique = [...new Set(patientIds)];
  if (!config.requireConsent) return () => null;
  const rows = unique.length === 0 ? [] : await consentsOf(db, unique, Object.values(CHANNEL_CONSENT));
  const byKey = new Map<string, ConsentRecord[]>();
  for (const row of rows) {
    const key = `${row.patient_id}:${row.kind}`;
    const list = byKey.get(key) ?? [];
    list.push({
      givenOn: row.given_on,
      expiresOn: row.expires_on,
      revokedAt: row.revoked_at,
      createdAt: row.created_at,
    });
    byKey.set(key, list);
  }
  const today = localDateOf(clinic.timeZone, now);
  return (patientId, channel) =>
    consentGap(byKey.get(`${patientId}:${CHANNEL_CONSENT[channel]}`) ?? [], channel, today, clinic);
}

/**
 * After a reminder consent is revoked: the patient's reminders still waiting to be sent on a channel
 * that no longer has a consent in force end now as `skipped` with the reason, so the desk's list shows
 * at once that they will not go (sending would skip them anyway). Returns how many.
 */
export async function skipWithoutConsent(
  db: Kysely<Database>,
  patientId: string,
  config: Pick<ReminderConfig, 'requireConsent'>,
  clinic: ConsentClinic,
  now: number,
): Promise<number> {
  if (!config.requireConsent) return 0;
  const pending = await pendingOfPatient(db, patientId);
  if (pending.length === 0) return 0;
  const gap = await reminderConsents(db, config, [patientId], clinic, now);
  let skipped = 0;
  for (const row of pending) {
    const reason = gap(patientId, row.channel);
    if (reason === null) continue;
    await markSkipped(db, row.id, reason, now);
    skipped += 1;
  }
  return skipped;
}
