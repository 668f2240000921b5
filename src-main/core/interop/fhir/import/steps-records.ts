import { ApiError } from '../../../../../src-shared/api/errors';
import {
  allergySeverityFromFhir,
  holderRelationshipFromFhir,
  insurancePriorityFromOrder,
} from '../../../../../src-shared/fhir/codes';
import { addAllergy, addInsurance } from '../../../patients/service';
import { child, codes, conceptText, num, objects, text, type Json } from './fhir-json';
import type { ImportSession, StepResult } from './session';

/** Coverage as insurance, AllergyIntolerance as allergies: each on the patient the file names. */

function dateOnly(value: unknown): string | null {
  const date = text(value);
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
}

function classValue(resource: Json, type: string): { value?: string; name?: string } {
  const found = objects(resource.class).find((item) => codes(item.type).some((coding) => coding.code === type));
  return { value: text(found?.value), name: text(found?.name) };
}

/** The payer's name: the Organization the file holds, else the reference's display. */
function payerName(session: ImportSession, resource: Json): string | undefined {
  const payor = objects(resource.payor)[0];
  if (!payor) return undefined;
  const entry = session.entryOf(payor);
  if (entry?.resourceType === 'Patient') return 'Self-pay';
  return text(entry?.resource.name) ?? text(payor.display);
}

export async function createInsuranceFrom(session: ImportSession, resource: Json): Promise<StepResult> {
  const beneficiary = resource.beneficiary;
  const payer = payerName(session, resource)?.slice(0, 120);
  const memberId = (
    text(resource.subscriberId) ??
    text(objects(resource.identifier)[0]?.value) ??
    text(resource.id)
  )?.slice(0, 60);
  const label = `${payer ?? 'Coverage'} ${memberId ?? ''}`.trim();
  const patientId = await session.localIdOf(beneficiary, 'Patient', 'patients');
  if (!patientId) return { outcome: 'skipped', label, reason: missingPatient(beneficiary) };
  if (!payer) return { outcome: 'skipped', label, reason: 'it names no payer the file holds' };
  if (!memberId) return { outcome: 'skipped', label, reason: 'it has no member id' };
  const plan = classValue(resource, 'plan');
  const group = classValue(resource, 'group');
  const period = child(resource, 'period');
  try {
    const { id } = await addInsurance(
      session.db,
      {
        patientId,
        payer,
        plan: (plan.name ?? plan.value)?.slice(0, 120) ?? null,
        memberId,
        groupNumber: group.value?.slice(0, 60) ?? null,
        holderName: text(child(resource, 'subscriber')?.display)?.slice(0, 120) ?? null,
        holderRelationship: holderRelationshipFromFhir(codes(resource.relationship)[0]?.code),
        priority: insurancePriorityFromOrder(num(resource.order)),
        effectiveDate: dateOnly(period?.start),
        terminationDate: dateOnly(period?.end),
        lastVerifiedDate: null,
        copayMinor: null,
        deductibleMinor: null,
        coinsurancePpm: null,
      },
      session.now,
    );
    return { outcome: 'created', localTable: 'patient_insurance', localId: id, label };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'VALIDATION')
      return { outcome: 'skipped', label, reason: error.message };
    throw error;
  }
}

export async function createAllergyFrom(session: ImportSession, resource: Json): Promise<StepResult> {
  const substance = conceptText(resource.code)?.slice(0, 120);
  const label = substance ?? 'Allergy';
  const verification = codes(resource.verificationStatus)[0]?.code;
  if (verification === 'refuted' || verification === 'entered-in-error')
    return { outcome: 'skipped', label, reason: `its verification status is ${verification}` };
  if (codes(resource.clinicalStatus)[0]?.code === 'resolved')
    return { outcome: 'skipped', label, reason: 'it is resolved' };
  const patientId = await session.localIdOf(resource.patient, 'Patient', 'patients');
  if (!patientId) return { outcome: 'skipped', label, reason: missingPatient(resource.patient) };
  if (!substance) return { outcome: 'skipped', label, reason: 'it names no substance' };
  const reaction = objects(resource.reaction)[0];
  const stated = allergySeverityFromFhir(text(reaction?.severity));
  // No severity given, but the source calls it high risk: shown as severe rather than unknown.
  const severity = stated === 'unknown' && resource.criticality === 'high' ? 'severe' : stated;
  const { id } = await addAllergy(
    session.db,
    {
      patientId,
      substance,
      reaction: conceptText(objects(reaction?.manifestation)[0])?.slice(0, 200) ?? null,
      severity,
    },
    session.actor.userId,
    session.now,
  );
  return { outcome: 'created', localTable: 'patient_allergies', localId: id, label };
}

export function missingPatient(reference: unknown): string {
  const ref = typeof reference === 'object' && reference !== null ? text((reference as Json).reference) : undefined;
  return `its patient (${ref ?? 'none given'}) is neither in the file nor imported before`;
}
