import type { Kysely } from 'kysely';
import type { ReferralTargets } from '../../../src-shared/referrals/model';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { ReferralRow, ReferrerRow } from '../db/schema-referrals';

/** The referrals' SQL: the referral rows (recorded, then moved), the referrers' directory and the targets. */

type Db = Kysely<Database>;

export interface ReferralFilter {
  direction?: 'in' | 'out' | undefined;
  open?: boolean | undefined;
  patientId?: string | undefined;
  referralId?: string | undefined;
}

/** A referral with what its view names: the patient, the referrer, the wanted type, the booking's start. */
export type JoinedReferral = ReferralRow & {
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  referrer_name: string;
  referrer_organisation: string | null;
  type_name: string | null;
  appointment_start: number | null;
};

const FINISHED = ['closed', 'declined'] as const;

export async function joinedReferrals(db: ReadDb, filter: ReferralFilter): Promise<JoinedReferral[]> {
  let query = db
    .selectFrom('referrals as f')
    .innerJoin('patients as p', 'p.id', 'f.patient_id')
    .innerJoin('referrers as r', 'r.id', 'f.referrer_id')
    .leftJoin('appointment_types as t', 't.id', 'f.appointment_type_id')
    .leftJoin('appointments as a', 'a.id', 'f.appointment_id')
    .selectAll('f')
    .select([
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'r.name as referrer_name',
      'r.organisation as referrer_organisation',
      't.name as type_name',
      'a.start_at as appointment_start',
    ])
    .where('f.deleted_at', 'is', null);
  if (filter.direction) query = query.where('f.direction', '=', filter.direction);
  if (filter.open !== undefined) query = query.where('f.status', filter.open ? 'not in' : 'in', [...FINISHED]);
  if (filter.patientId) query = query.where('f.patient_id', '=', filter.patientId);
  if (filter.referralId) query = query.where('f.id', '=', filter.referralId);
  return query.execute();
}

export async function insertReferral(db: Db, row: ReferralRow): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

/** Moves a referral from the status it was read in; false when another desk moved it meanwhile. */
export async function moveReferralRow(
  db: Db,
  referralId: string,
  from: ReferralRow['status'],
  move: Pick<
    ReferralRow,
    'status' | 'decline_reason' | 'appointment_id' | 'status_at' | 'status_by' | 'status_by_name' | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('referrals')
    .set(move)
    .where('id', '=', referralId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function referrerRows(db: ReadDb): Promise<ReferrerRow[]> {
  return db.selectFrom('referrers').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

export function findReferrer(db: ReadDb, referrerId: string) {
  return db
    .selectFrom('referrers')
    .select('id')
    .where('id', '=', referrerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertReferrer(db: Db, row: ReferrerRow): Promise<void> {
  await db.insertInto('referrers').values(row).execute();
}

export function findAppointmentType(db: ReadDb, typeId: string) {
  return db.selectFrom('appointment_types').select('id').where('id', '=', typeId).executeTakeFirst();
}

/** The appointment a referral is booked with: it must be the referral's patient's, and not cancelled. */
export function appointmentOf(db: ReadDb, appointmentId: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'status'])
    .where('id', '=', appointmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function readTargets(db: ReadDb): Promise<ReferralTargets> {
  const row = await db
    .selectFrom('referral_settings')
    .select(['urgent_days', 'soon_days', 'routine_days'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return {
    urgentDays: row?.urgent_days ?? 3,
    soonDays: row?.soon_days ?? 14,
    routineDays: row?.routine_days ?? 42,
  };
}

export async function writeTargets(db: Db, targets: ReferralTargets, now: number): Promise<void> {
  const values = {
    urgent_days: targets.urgentDays,
    soon_days: targets.soonDays,
    routine_days: targets.routineDays,
    updated_at: now,
  };
  await db
    .insertInto('referral_settings')
    .values({ id: 1, ...values, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
