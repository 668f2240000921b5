import type { CheckInReview, InsuranceCheck } from '../../../src-shared/visits/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { formatDate, todayIn } from '../../../src-shared/patients/dates';
import { formatMoney } from '../../../src-shared/billing/money';
import { accountSummary } from '../billing/accounts';
import { billingContext } from '../billing/context';
import { daysBetween } from '../../../src-shared/scheduling/time';
import { consentInForce } from '../../../src-shared/patients/consents';
import { listConsents } from '../patients/consents';
import { loadRecord } from '../patients/repository';
import { clinicClock } from '../scheduling/config';
import type { ReadDb } from '../db/handles';
import { findAppointmentWithProvider, findOpenVisitOfPatient } from './visit-repository';

/** Insurance not verified for this long is worth a question at the desk. */
export const VERIFY_AFTER_DAYS = 90;

/**
 * What the receptionist confirms before marking a patient arrived: contact details, insurance
 * (present, in force, when last verified), consents on file and alerts, with a sentence for each
 * thing that needs attention.
 */
export async function checkInReview(
  db: ReadDb,
  input: { appointmentId?: string | undefined; patientId?: string | undefined },
  now: number,
  options: { account: boolean } = { account: false },
): Promise<CheckInReview> {
  const { timeZone } = await clinicClock(db);
  const today = todayIn(timeZone, now);
  let patientId = input.patientId ?? '';
  let appointment: CheckInReview['appointment'] = null;
  if (input.appointmentId) {
    const row = await findAppointmentWithProvider(db, input.appointmentId);
    if (!row) throw fieldError('appointmentId', 'no such appointment');
    patientId = row.patient_id;
    appointment = { id: row.id, start: row.start_at, providerName: row.display_name, status: row.status };
  }
  const record = await loadRecord(db, patientId, today);
  if (!record)
    throw new ApiError('NOT_FOUND', 'There is no such patient.', { fields: { patientId: 'no such patient' } });
  const consents = (await listConsents(db, patientId)).filter((consent) => consentInForce(consent, today));
  const open = await findOpenVisitOfPatient(db, patientId, today);

  const insurance: InsuranceCheck[] = record.insurance.map((policy) => ({
    id: policy.id,
    payer: policy.payer,
    memberId: policy.memberId,
    priority: policy.priority,
    terminationDate: policy.terminationDate,
    lastVerifiedDate: policy.lastVerifiedDate,
    expired: policy.terminationDate !== null && policy.terminationDate < today,
    verifiedDaysAgo: policy.lastVerifiedDate === null ? null : daysBetween(policy.lastVerifiedDate, today),
  }));

  const warnings: string[] = [];
  if (record.phones.length === 0) warnings.push('No phone number on file: ask for one.');
  const current = insurance.filter((policy) => !policy.expired);
  if (open?.self_pay === 1 && current.length > 0)
    warnings.push('This visit is billed self-pay: the patient pays it, not their insurer.');
  else if (insurance.length === 0)
    warnings.push('No insurance on file: ask for a card; without one the visit is billed self-pay.');
  else if (current.length === 0) warnings.push('Every insurance policy on file has expired: ask for the current card.');
  for (const policy of current) {
    if (policy.verifiedDaysAgo === null) warnings.push(`${policy.payer} has never been verified.`);
    else if (policy.verifiedDaysAgo > VERIFY_AFTER_DAYS)
      warnings.push(`${policy.payer} was last verified ${policy.verifiedDaysAgo} days ago.`);
  }
  if (consents.length === 0) warnings.push('No consent on file: have the patient sign one and record it below.');
  if (record.alerts.length > 0) warnings.push(`Alerts: ${record.alerts.map((alert) => alert.text).join('; ')}`);

  let account: CheckInReview['account'] = null;
  if (options.account) {
    const billing = await billingContext(db, now);
    const summary = await accountSummary(db, billing, patientId);
    account = {
      currency: summary.currency,
      balanceMinor: summary.balanceMinor,
      owingMinor: summary.owingMinor,
      owingSince: summary.owingSince,
      overdueMinor: summary.overdueMinor,
      creditMinor: summary.creditMinor,
    };
    if (summary.owingMinor > 0 && summary.owingSince)
      warnings.push(
        `Owes ${formatMoney(summary.owingMinor, billing.money)} since ${formatDate(summary.owingSince, billing.dateFormat)}.`,
      );
  }

  const address = [record.address.line1, record.address.line2, record.address.city, record.address.postalCode]
    .filter((part) => part)
    .join(', ');
  return {
    patientId: record.id,
    name: record.name,
    dob: record.dob,
    mrn: record.mrn,
    phones: record.phones.map((phone) => ({ kind: phone.kind, number: phone.number })),
    email: record.email,
    address: address || null,
    alerts: record.alerts.map((alert) => ({ kind: alert.kind, text: alert.text })),
    allergies: record.allergies.map((allergy) => allergy.substance),
    insurance,
    consents: consents.map((consent) => ({
      kind: consent.kind,
      givenOn: consent.givenOn,
      expiresOn: consent.expiresOn,
    })),
    warnings,
    appointment,
    openVisitId: open?.id ?? null,
    openVisitSelfPay: open?.self_pay === 1,
    account,
  };
}
