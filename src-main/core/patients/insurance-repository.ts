import type { Kysely } from 'kysely';
import type { HolderRelationship, InsurancePriority } from '../../../src-shared/patients/model';
import type { Database } from '../db/schema';
import { newId } from '../ids';

/** Insurance policies on a patient's record. */

export interface InsuranceInput {
  patientId: string;
  payer: string;
  plan: string | null;
  memberId: string;
  groupNumber: string | null;
  holderName: string | null;
  holderRelationship: HolderRelationship;
  priority: InsurancePriority;
  effectiveDate: string | null;
  terminationDate: string | null;
  lastVerifiedDate: string | null;
  copayMinor: number | null;
  deductibleMinor: number | null;
  coinsurancePpm: number | null;
}

export async function insertInsurance(db: Kysely<Database>, values: InsuranceInput, now: number): Promise<string> {
  const id = newId();
  await db
    .insertInto('patient_insurance')
    .values({
      id,
      patient_id: values.patientId,
      payer: values.payer,
      plan: values.plan,
      member_id: values.memberId,
      group_number: values.groupNumber,
      holder_name: values.holderName,
      holder_relationship: values.holderRelationship,
      priority: values.priority,
      effective_date: values.effectiveDate,
      termination_date: values.terminationDate,
      last_verified_date: values.lastVerifiedDate,
      copay_minor: values.copayMinor,
      deductible_minor: values.deductibleMinor,
      coinsurance_ppm: values.coinsurancePpm,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return id;
}

/** Policies in force on `today` (not terminated before it) at this priority. */
export async function activePolicyAt(
  db: Kysely<Database>,
  patientId: string,
  priority: InsurancePriority,
  today: string,
) {
  return db
    .selectFrom('patient_insurance')
    .select(['id', 'payer'])
    .where('patient_id', '=', patientId)
    .where('priority', '=', priority)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('termination_date', 'is', null), eb('termination_date', '>=', today)]))
    .executeTakeFirst();
}
