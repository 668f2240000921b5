import type { Kysely } from 'kysely';
import type { Input } from '../../../src-shared/api/contract';
import type { VitalsRecord } from '../../../src-shared/visits/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { bmi, checkVitals, toSI, type VitalField } from '../../../src-shared/visits/vitals';
import type { Database } from '../db/schema';
import type { VitalsRow } from '../db/schema-visits';
import { newId } from '../ids';
import type { VisitActor } from './service';
import { requireLivePatient } from '../patients/live-patient';
import type { ReadDb } from '../db/handles';
import { findVisit } from './visit-repository';
import { insertVitals, listVitals } from './vitals-repository';

type Db = Kysely<Database>;

function toRecord(row: VitalsRow): VitalsRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    visitId: row.visit_id,
    systolic: row.systolic_mmhg,
    diastolic: row.diastolic_mmhg,
    pulse: row.pulse_per_min,
    respRate: row.resp_per_min,
    temperatureC: row.temperature_c,
    spo2: row.spo2_percent,
    weightKg: row.weight_kg,
    heightM: row.height_m,
    bmi: row.bmi,
    pain: row.pain,
    chiefComplaint: row.chief_complaint,
    allergiesReviewed: row.allergies_reviewed === 1,
    confirmedImplausible: JSON.parse(row.confirmed_implausible) as string[],
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

/** The visit on the nurse's screen, which must be this patient's and not an undone arrival: nothing is written to a patient other than the one shown. */
export async function requireOwnVisit(db: ReadDb, visitId: string, patientId: string): Promise<void> {
  const visit = await findVisit(db, visitId);
  if (!visit) throw fieldError('visitId', 'no such visit');
  if (visit.patient_id !== patientId) throw fieldError('visitId', 'this visit is another patient’s: nothing was saved');
  if (visit.status === 'cancelled') throw fieldError('visitId', 'this arrival was undone');
}

/**
 * Saves a set of vitals for the patient on the nurse's screen. Impossible values are refused naming
 * the field; unusual ones only when the nurse confirmed those very fields. When a visit is named it
 * must be this patient's: nothing is written to a patient other than the one shown.
 */
export async function recordVitals(
  db: Db,
  input: Input<'vitals.record'>,
  actor: VisitActor,
  now: number,
): Promise<VitalsRecord> {
  await requireLivePatient(db, input.patientId);
  if (input.visitId) await requireOwnVisit(db, input.visitId, input.patientId);
  const units = input.units;
  const si = toSI(input, units);
  const chiefComplaint = input.chiefComplaint ? input.chiefComplaint : null;
  const measured = Object.values(si).some((value) => value !== null);
  if (!measured && !chiefComplaint && !input.allergiesReviewed)
    throw fieldError('systolic', 'enter at least one measurement or the chief complaint');

  const { impossible, implausible } = checkVitals(si, units);
  if (impossible.length > 0) {
    throw new ApiError('VALIDATION', impossible.map((problem) => `${problem.field}: ${problem.message}`).join('; '), {
      fields: Object.fromEntries(impossible.map((problem) => [problem.field, problem.message])),
    });
  }
  const confirmed = new Set<VitalField>(input.confirmImplausible);
  const unconfirmed = implausible.filter((problem) => !confirmed.has(problem.field));
  if (unconfirmed.length > 0) {
    throw new ApiError('VALIDATION', `Please confirm: ${unconfirmed.map((problem) => problem.message).join('; ')}`, {
      fields: Object.fromEntries(unconfirmed.map((problem) => [problem.field, problem.message])),
      implausible: unconfirmed.map((problem) => problem.field),
    });
  }
  const row: VitalsRow = {
    id: newId(),
    patient_id: input.patientId,
    visit_id: input.visitId ?? null,
    systolic_mmhg: si.systolic,
    diastolic_mmhg: si.diastolic,
    pulse_per_min: si.pulse,
    resp_per_min: si.respRate,
    temperature_c: si.temperatureC,
    spo2_percent: si.spo2,
    weight_kg: si.weightKg,
    height_m: si.heightM,
    bmi: bmi(si.weightKg, si.heightM),
    pain: si.pain,
    chief_complaint: chiefComplaint,
    allergies_reviewed: input.allergiesReviewed ? 1 : 0,
    // Only the confirmations that were needed are kept: they say which odd values a person vouched for.
    confirmed_implausible: JSON.stringify(implausible.map((problem) => problem.field)),
    recorded_by: actor.userId,
    recorded_by_name: actor.displayName ?? actor.username,
    recorded_at: now,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertVitals(db, row);
  return toRecord(row);
}

/** Newest first. */
export async function vitalsHistory(db: ReadDb, patientId: string, limit: number): Promise<VitalsRecord[]> {
  return (await listVitals(db, patientId, limit)).map(toRecord);
}
