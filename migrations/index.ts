import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_patients';
import { migration0003 } from './0003_scheduling';
import { migration0004 } from './0004_patient_merges';
import { migration0005 } from './0005_patient_documents';
import { migration0006 } from './0006_audit_target_index';
import { migration0007 } from './0007_reminders';
import { migration0008 } from './0008_visits';
import { migration0009 } from './0009_series_waitlist';
import { migration0010 } from './0010_patient_names_index';
import { migration0011 } from './0011_reminder_consent';
import { migration0012 } from './0012_appointment_details_history';
import { migration0013 } from './0013_billing';
import { migration0014 } from './0014_billing_permissions';
import { migration0015 } from './0015_backups_and_recovery';
import { migration0016 } from './0016_keyed_audit_chain';
import { migration0017 } from './0017_clinic_locale_and_flow';
import { migration0018 } from './0018_visit_self_pay';
import { migration0019 } from './0019_stock';
import { migration0020 } from './0020_sync';
import { migration0021 } from './0021_sync_client';
import { migration0022 } from './0022_desk_numbers_and_conflicts';
import { migration0023 } from './0023_stock_balances';
import { migration0024 } from './0024_ageing_index';
import { migration0025 } from './0025_cost_sharing';
import { migration0026 } from './0026_tasks_and_communications';
import { migration0027 } from './0027_notification_reads';
import { migration0028 } from './0028_language';
import { migration0029 } from './0029_referrals';
import { migration0030 } from './0030_notification_kinds';
import { migration0031 } from './0031_fhir_import';
import { migration0032 } from './0032_calendar_feeds';
import { migration0033 } from './0033_csv_import';
import { migration0034 } from './0034_report_aggregates';
import { migration0035 } from './0035_audit_chains';
import { migration0036 } from './0036_resumable_transfers';
import { migration0037 } from './0037_report_aggregates_keyed';
import { migration0038 } from './0038_report_money_aggregates';
import { migration0039 } from './0039_patient_credits';
import { migration0040 } from './0040_audit_lookup';
import { migration0041 } from './0041_stock_movements_at';
import { migration0042 } from './0042_patient_owing';
import { migration0043 } from './0043_stock_report_sums';
import { migration0044 } from './0044_report_narrowed_aggregates';
import { migration0045 } from './0045_missed_appointments_index';
import { migration0046 } from './0046_outbox_without_row_lookups';
import { migration0047 } from './0047_stock_report_item_fields';
import { migration0048 } from './0048_patient_phone_suffixes';
import { migration0049 } from './0049_patient_name_pairs';
import { migration0050 } from './0050_write_path_pages';
import { migration0051 } from './0051_clocks_without_rowid';
import type { Migration } from './types';

/**
 * Every migration, in order. A static list, not a folder scan, so that bundling keeps them;
 * tests/unit/migrations.test.ts checks that it matches the folder.
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
  migration0034,
  migration0035,
  migration0036,
  migration0037,
  migration0038,
  migration0039,
  migration0040,
  migration0041,
  migration0042,
  migration0043,
  migration0044,
  migration0045,
  migration0046,
  migration0047,
  migration0048,
  migration0049,
  migration0050,
  migration0051,
];

export type { Migration, MigrationHandle } from './types';
