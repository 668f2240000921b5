import type { PatientInsurance } from '../../../../src-shared/patients/model';
import { i18next } from '../../i18n';

const DAY_MS = 86_400_000;
const EXPIRY_WARNING_DAYS = 30;
const VERIFY_AFTER_DAYS = 90;

/** Warnings a receptionist should see before a visit: expired, expiring, not verified lately. */
export function insuranceWarnings(policy: PatientInsurance, todayIso: string): string[] {
  const today = Date.parse(`${todayIso}T00:00:00Z`);
  const warnings: string[] = [];
  if (policy.terminationDate) {
    const ends = Date.parse(`${policy.terminationDate}T00:00:00Z`);
    if (ends < today)
      warnings.push(i18next.t('patients:insurance-status.expiredOn', { terminationDate: policy.terminationDate }));
    else if (ends - today <= EXPIRY_WARNING_DAYS * DAY_MS)
      warnings.push(i18next.t('patients:insurance-status.expiresOn', { terminationDate: policy.terminationDate }));
  }
  if (!policy.lastVerifiedDate) warnings.push(i18next.t('patients:insurance-status.neverVerified'));
  else if (today - Date.parse(`${policy.lastVerifiedDate}T00:00:00Z`) > VERIFY_AFTER_DAYS * DAY_MS) {
    warnings.push(i18next.t('patients:insurance-status.lastVerified', { lastVerifiedDate: policy.lastVerifiedDate }));
  }
  return warnings;
}
