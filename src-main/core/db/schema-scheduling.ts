import type { Generated } from 'kysely';
import type { EpochMs } from './schema';

/** Scheduling tables (migrations 0003, 0009, 0012): locations, rooms, providers, types, hours, appointments. */

export interface LocationsTable {
  id: string;
  name: string;
  address: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface RoomsTable {
  id: string;
  location_id: string;
  name: string;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface ProvidersTable {
  id: string;
  user_id: string | null;
  display_name: string;
  specialty: string | null;
  colour: string;
  default_location_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface AppointmentTypesTable {
  id: string;
  name: string;
  duration_minutes: number;
  colour: string;
  default_price_minor: number | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface AppointmentTypeProvidersTable {
  type_id: string;
  provider_id: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** Local times are 'HH:mm' text ('24:00' ends a day); local dates 'YYYY-MM-DD'. */
export interface AvailabilityTemplatesTable {
  id: string;
  provider_id: string;
  location_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  /** JSON array of {start, end} local times. */
  breaks: Generated<string>;
  valid_from: string | null;
  valid_until: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface AvailabilityExceptionsTable {
  id: string;
  provider_id: string;
  location_id: string | null;
  kind: 'time_off' | 'extra_hours';
  date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
  reason: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface ClinicHolidaysTable {
  id: string;
  date: string;
  name: string;
  location_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface AppointmentsTable {
  id: string;
  patient_id: string;
  provider_id: string;
  location_id: string;
  room_id: string | null;
  type_id: string;
  start_at: EpochMs;
  end_at: EpochMs;
  reason: string | null;
  notes: string | null;
  status: 'booked' | 'confirmed' | 'arrived' | 'in_room' | 'completed' | 'cancelled' | 'no_show';
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancelled_at: EpochMs | null;
  rescheduled_from_id: string | null;
  meeting_link: string | null;
  override_reason: string | null;
  overridden_by: string | null;
  created_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
  /** Set for an occurrence of a recurring series (migration 0006). */
  series_id: string | null;
  series_index: number | null;
}

export interface AppointmentSeriesTable {
  id: string;
  patient_id: string;
  provider_id: string;
  location_id: string | null;
  room_id: string | null;
  type_id: string;
  frequency: 'daily' | 'weekly' | 'monthly';
  interval: number;
  start_date: string;
  start_time: string;
  duration_minutes: number;
  until_date: string | null;
  count: number | null;
  split_from_id: string | null;
  created_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface WaitlistEntriesTable {
  id: string;
  patient_id: string;
  type_id: string;
  /** JSON arrays; empty: any. */
  provider_ids: string;
  earliest_date: string;
  latest_date: string | null;
  weekdays: string;
  parts_of_day: string;
  priority: 'urgent' | 'high' | 'normal' | 'low';
  note: string | null;
  status: 'waiting' | 'booked' | 'removed';
  appointment_id: string | null;
  removed_reason: string | null;
  created_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface AppointmentHistoryTable {
  id: string;
  appointment_id: string;
  at: EpochMs;
  user_id: string | null;
  username: string | null;
  action: 'booked' | 'moved' | 'cancelled' | 'status' | 'details';
  /** JSON object. */
  changes: string;
  override_reason: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** A provider's calendar subscription token, kept as its SHA-256 (migration 0032; local to this desk). */
export interface CalendarFeedTokensTable {
  id: string;
  provider_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: EpochMs;
  revoked_at: EpochMs | null;
}

export interface SchedulingTables {
  calendar_feed_tokens: CalendarFeedTokensTable;
  locations: LocationsTable;
  rooms: RoomsTable;
  providers: ProvidersTable;
  appointment_types: AppointmentTypesTable;
  appointment_type_providers: AppointmentTypeProvidersTable;
  availability_templates: AvailabilityTemplatesTable;
  availability_exceptions: AvailabilityExceptionsTable;
  clinic_holidays: ClinicHolidaysTable;
  appointments: AppointmentsTable;
  appointment_history: AppointmentHistoryTable;
  appointment_series: AppointmentSeriesTable;
  waitlist_entries: WaitlistEntriesTable;
}
