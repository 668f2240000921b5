import type { PatientInsurance } from '../../../../src-shared/patients/model';

const DAY_MS = 86_400_000;
const EXPIRY_WARNING_DAYS = 30;
const VERIFY_AFTER_DAYS = 90;

/** Warnings a receptionist should see before a visit: expired, expiring, not verified lately. */
export function insuranceWarnings(policy: PatientInsurance, todayIso: string): string[] {
  const today = Date.parse(`${todayIso}T00:00:00Z`);
  const warnings: string[] = [];
  if (policy.terminationDate) {
    const ends = Date.parse(`${policy.terminationDate}T00:00:00Z`);
    if (ends < today) warnings.push(`Expired on ${policy.terminationDate}`);
    else if (ends - today <= EXPIRY_WARNING_DAYS * DAY_MS) warnings.push(`Expires on ${policy.terminationDate}`);
  }
  if (!policy.lastVerifiedDate) warnings.push('Never verified');
  else if (today - Date.parse(`${policy.lastVerifiedDate}T00:00:00Z`) > VERIFY_AFTER_DAYS * DAY_MS) {
    warnings.push(`Last verified ${policy.lastVerifiedDate}`);
  }
  return warnings;
}
