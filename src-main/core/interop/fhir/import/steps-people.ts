import { ApiError } from '../../../../../src-shared/api/errors';
import { findDuplicates } from '../../../patients/duplicate-check';
import { findPatientRow } from '../../../patients/repository';
import { createPatient, draftOf, patientContext, today, updatePatient } from '../../../patients/service';
import { activeProviderRows } from '../../../scheduling/provider-repository';
import { createProvider, updateProvider } from '../../../scheduling/providers';
import { objects, text, texts, type Json } from './fhir-json';
import { mapPatient } from './map-patient';
import type { ImportSession, StepResult } from './session';

/** Patients and practitioners: the people the rest of the file points at. */

export async function createPatientFrom(session: ImportSession, resource: Json): Promise<StepResult> {
  const mapped = mapPatient(resource, session.timeZone);
  if (!mapped.ok) return { outcome: 'skipped', label: mapped.label, reason: mapped.reason };
  const context = await patientContext(session.db);
  const todayIso = today(context, session.now);
  const { input } = mapped;
  const candidates = (
    await findDuplicates(session.db, context, todayIso, draftOf(input, input.nationalId ?? null))
  ).filter((candidate) => candidate.strength === 'strong');
  try {
    // A likely duplicate is never merged by an import: it is registered and the pair waits in the review.
    const record = await createPatient(session.db, input, session.actor.userId, session.now, 'review');
    const first = candidates[0];
    return {
      outcome: 'created',
      localTable: 'patients',
      localId: record.id,
      label: mapped.label,
      reason: first
        ? `likely the same person as ${first.patient.name} (${first.patient.mrn}): ${first.reasons[0]?.message ?? 'alike'}; sent to the duplicate review, not merged`
        : undefined,
    };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'VALIDATION')
      return { outcome: 'skipped', label: mapped.label, reason: error.message };
    throw error;
  }
}

export function isReviewReason(result: StepResult): boolean {
  return result.outcome === 'created' && result.reason?.includes('duplicate review') === true;
}

export async function updatePatientFrom(
  session: ImportSession,
  resource: Json,
  patientId: string,
): Promise<StepResult> {
  const mapped = mapPatient(resource, session.timeZone);
  if (!mapped.ok) return { outcome: 'skipped', label: mapped.label, reason: mapped.reason };
  const row = await findPatientRow(session.db, patientId);
  if (!row || row.deleted_at !== null || row.merged_into_id !== null)
    return { outcome: 'skipped', label: mapped.label, reason: 'the patient it was imported as was removed or merged' };
  try {
    await updatePatient(
      session.db,
      { ...mapped.input, patientId, expectedUpdatedAt: row.updated_at, active: row.active === 1 },
      session.actor.userId,
      session.now,
    );
    return { outcome: 'updated', localTable: 'patients', localId: patientId, label: mapped.label };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'VALIDATION' || error.code === 'CONFLICT'))
      return { outcome: 'skipped', label: mapped.label, reason: error.message };
    throw error;
  }
}

export function practitionerName(resource: Json): string {
  const name = objects(resource.name).find((item) => item.use === 'official') ?? objects(resource.name)[0];
  const words = [...texts(name?.prefix), ...texts(name?.given), text(name?.family)].filter(Boolean).join(' ');
  return (words || text(name?.text) || '').slice(0, 120);
}

/** Imported providers get a colour from a small set, by name, so a calendar of them is told apart. */
const COLOURS = ['#2f6f9f', '#7a4f9f', '#2f8f5f', '#9f6f2f', '#9f2f4f', '#3f7f7f'];

function colourFor(name: string): string {
  let sum = 0;
  for (const char of name) sum = (sum + (char.codePointAt(0) ?? 0)) % 9973;
  return COLOURS[sum % COLOURS.length] ?? '#2f6f9f';
}

/** A practitioner becomes a provider; one already on the desk under the same name is used, not doubled. */
export async function createProviderFrom(session: ImportSession, resource: Json): Promise<StepResult> {
  const name = practitionerName(resource);
  if (!name) return { outcome: 'skipped', label: 'Practitioner without a name', reason: 'it has no name' };
  const folded = name.toLocaleLowerCase();
  const existing = (await activeProviderRows(session.db)).find(
    (row) => row.display_name.toLocaleLowerCase() === folded,
  );
  if (existing)
    return {
      outcome: 'skipped',
      label: name,
      reason: 'a provider of that name is already on the desk; linked to it',
      localTable: 'providers',
      localId: existing.id,
    };
  const provider = await createProvider(
    session.db,
    { displayName: name, userId: null, specialty: null, colour: colourFor(name), defaultLocationId: null },
    session.now,
  );
  return { outcome: 'created', localTable: 'providers', localId: provider.id, label: name };
}

export async function updateProviderFrom(
  session: ImportSession,
  resource: Json,
  providerId: string,
): Promise<StepResult> {
  const name = practitionerName(resource);
  if (!name) return { outcome: 'skipped', label: 'Practitioner without a name', reason: 'it has no name' };
  await updateProvider(session.db, { providerId, displayName: name }, session.now);
  return { outcome: 'updated', localTable: 'providers', localId: providerId, label: name };
}
