import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type {
  ReferralCreateInput,
  ReferralListInput,
  ReferralMoveInput,
  ReferrerInput,
} from '../../../src-shared/api/areas/referrals';
import { displayName } from '../../../src-shared/patients/names';
import { firstStatus, planReferralMove } from '../../../src-shared/referrals/machine';
import type { ReferralTargets, ReferralView, Referrer } from '../../../src-shared/referrals/model';
import { orderReferrals, targetDate, targetState } from '../../../src-shared/referrals/rules';
import type { Actor } from '../actor';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { ReferralRow, ReferrerRow } from '../db/schema-referrals';
import { newId } from '../ids';
import { addDocument, requirePatient } from '../patients/documents';
import { clinicClock } from '../scheduling/config';
import {
  appointmentOf,
  findAppointmentType,
  findReferrer,
  insertReferral,
  insertReferrer,
  joinedReferrals,
  moveReferralRow,
  readTargets,
  referrerRows,
  writeTargets,
  type JoinedReferral,
} from './referral-repository';

/**
 * Referrals in and out: recording one (its letter kept in the patient's documents), moving it along its
 * machine (src-shared/referrals/machine.ts), and the work list's view with its target on the clinic's
 * clock (src-shared/referrals/rules.ts). The repository holds the SQL.
 */

function toView(row: JoinedReferral, targets: ReferralTargets, now: number, zone: string): ReferralView {
  const targetOn = targetDate(row.letter_on, row.urgency, targets);
  return {
    id: row.id,
    direction: row.direction,
    letterOn: row.letter_on,
    referrerId: row.referrer_id,
    referrerName: row.referrer_name,
    referrerOrganisation: row.referrer_organisation,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    reason: row.reason,
    urgency: row.urgency,
    appointmentTypeId: row.appointment_type_id,
    appointmentTypeName: row.type_name,
    letterDocumentId: row.letter_document_id,
    status: row.status,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    declineReason: row.decline_reason,
    statusAt: row.status_at,
    statusByName: row.status_by_name,
    targetOn,
    targetState: row.direction === 'in' ? targetState({ status: row.status, targetOn }, now, zone) : 'none',
    createdAt: row.created_at,
  };
}

async function views(db: ReadDb, rows: JoinedReferral[], now: number): Promise<ReferralView[]> {
  const { timeZone } = await clinicClock(db);
  const targets = await readTargets(db);
  return rows.map((row) => toView(row, targets, now, timeZone));
}

export async function listReferrals(db: ReadDb, input: ReferralListInput, now: number): Promise<ReferralView[]> {
  const rows = await joinedReferrals(db, {
    direction: input.direction,
    open: input.status === 'open',
    patientId: input.patientId,
  });
  return orderReferrals(await views(db, rows, now));
}

/** Every referral in still waiting for a booking, for the bell (overdue ones and when the next falls due). */
export async function waitingReferrals(db: ReadDb, now: number): Promise<ReferralView[]> {
  const rows = await joinedReferrals(db, { direction: 'in', open: true });
  return orderReferrals(await views(db, rows, now)).filter((view) => view.targetState !== 'none');
}

export async function getReferral(db: ReadDb, referralId: string, now: number): Promise<ReferralView> {
  const [row] = await joinedReferrals(db, { referralId });
  if (!row) {
    throw new ApiError('NOT_FOUND', 'There is no such referral.', { fields: { referralId: 'no such referral' } });
  }
  const [view] = await views(db, [row], now);
  return view as ReferralView;
}

export async function createReferral(
  db: Kysely<Database>,
  input: ReferralCreateInput,
  actor: Actor,
  now: number,
): Promise<string> {
  await requirePatient(db, input.patientId);
  if (!(await findReferrer(db, input.referrerId))) throw fieldError('referrerId', 'no such referrer in the directory');
  if (input.appointmentTypeId && !(await findAppointmentType(db, input.appointmentTypeId))) {
    throw fieldError('appointmentTypeId', 'no such appointment type');
  }
  let letterId: string | null = null;
  if (input.letter) {
    const title = input.direction === 'in' ? `Referral letter (${input.letterOn})` : `Referral out (${input.letterOn})`;
    try {
      const document = await addDocument(
        db,
        { patientId: input.patientId, kind: 'referral', title, ...input.letter },
        actor.userId,
        now,
      );
      letterId = document.id;
    } catch (error) {
      // The documents store names its own fields; on this form they are the letter's.
      const problem = error instanceof ApiError ? error.details?.fields?.contentBase64 : undefined;
      if (problem) {
        throw fieldError('letter.contentBase64', problem);
      }
      throw error;
    }
  }
  const row: ReferralRow = {
    id: newId(),
    direction: input.direction,
    letter_on: input.letterOn,
    referrer_id: input.referrerId,
    patient_id: input.patientId,
    reason: input.reason,
    urgency: input.urgency,
    appointment_type_id: input.appointmentTypeId ?? null,
    letter_document_id: letterId,
    status: firstStatus(input.direction),
    appointment_id: null,
    decline_reason: null,
    status_at: now,
    status_by: actor.userId,
    status_by_name: actor.displayName,
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertReferral(db, row);
  return row.id;
}

/** A status move, refused with the machine's reason; booking names an appointment of the referral's patient. */
export async function moveReferral(
  db: Kysely<Database>,
  input: ReferralMoveInput,
  actor: Actor,
  now: number,
): Promise<ReferralView> {
  const current = await getReferral(db, input.referralId, now);
  const plan = planReferralMove(current.direction, current.status, input.to, {
    reason: input.reason,
    appointmentId: input.appointmentId ?? null,
  });
  if (!plan.ok) {
    if (plan.field === 'to') throw new ApiError('CONFLICT', plan.reason, { fields: { to: plan.reason } });
    throw fieldError(plan.field, plan.reason);
  }
  let appointmentId = current.appointmentId;
  if (input.to === 'booked') {
    const appointment = await appointmentOf(db, input.appointmentId ?? '');
    if (!appointment) throw fieldError('appointmentId', 'no such appointment');
    if (appointment.patient_id !== current.patientId) {
      throw fieldError('appointmentId', "must be an appointment of the referral's patient");
    }
    if (appointment.status === 'cancelled') throw fieldError('appointmentId', 'is cancelled: book another');
    appointmentId = appointment.id;
  } else if (input.to === 'triaged') {
    appointmentId = null;
  }
  const moved = await moveReferralRow(db, current.id, current.status, {
    status: input.to,
    decline_reason: input.to === 'declined' ? (input.reason ?? null) : null,
    appointment_id: appointmentId,
    status_at: now,
    status_by: actor.userId,
    status_by_name: actor.displayName,
    updated_at: now,
  });
  if (!moved) throw new ApiError('CONFLICT', 'This referral has just been moved at another desk: read it again.');
  return getReferral(db, current.id, now);
}

function toReferrer(row: ReferrerRow): Referrer {
  return { id: row.id, name: row.name, organisation: row.organisation, phone: row.phone };
}

export async function listReferrers(db: ReadDb): Promise<Referrer[]> {
  return (await referrerRows(db)).map(toReferrer);
}

export async function addReferrer(db: Kysely<Database>, input: ReferrerInput, now: number): Promise<Referrer> {
  const row: ReferrerRow = {
    id: newId(),
    name: input.name,
    organisation: input.organisation,
    phone: input.phone,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertReferrer(db, row);
  return toReferrer(row);
}

export { readTargets as referralTargets };

export async function saveReferralTargets(
  db: Kysely<Database>,
  targets: ReferralTargets,
  now: number,
): Promise<ReferralTargets> {
  await writeTargets(db, targets, now);
  return readTargets(db);
}
