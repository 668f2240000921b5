import type { Selectable } from 'kysely';
import type { ReferralDirection, ReferralStatus, ReferralUrgency } from '../../../src-shared/referrals/model';

/** Referrals in and out, their directory of referrers and the target days per urgency (migration 0029). */

export interface ReferralSettingsTable {
  id: number;
  urgent_days: number;
  soon_days: number;
  routine_days: number;
  created_at: number;
  updated_at: number;
}

export interface ReferrersTable {
  id: string;
  name: string;
  organisation: string | null;
  phone: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ReferralsTable {
  id: string;
  direction: ReferralDirection;
  letter_on: string;
  referrer_id: string;
  patient_id: string;
  reason: string;
  urgency: ReferralUrgency;
  appointment_type_id: string | null;
  letter_document_id: string | null;
  status: ReferralStatus;
  appointment_id: string | null;
  decline_reason: string | null;
  status_at: number;
  status_by: string | null;
  status_by_name: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** Merged into `Database` in schema.ts. */
export interface ReferralTables {
  referral_settings: ReferralSettingsTable;
  referrers: ReferrersTable;
  referrals: ReferralsTable;
}

export type ReferralRow = Selectable<ReferralsTable>;
export type ReferrerRow = Selectable<ReferrersTable>;
