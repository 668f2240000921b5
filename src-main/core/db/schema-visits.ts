import type { Selectable } from 'kysely';
import type { TicketStyle, VisitStatus } from '../../../src-shared/visits/status';
import type { MeasurementSystem, TemperatureUnit } from '../../../src-shared/visits/vitals';

export interface VisitSettingsTable {
  id: number;
  threshold_arrived_minutes: number;
  threshold_roomed_minutes: number;
  threshold_with_provider_minutes: number;
  threshold_ready_minutes: number;
  temperature_unit: TemperatureUnit;
  measurement_system: MeasurementSystem;
  ticket_style: TicketStyle;
  created_at: number;
  updated_at: number;
}

export interface VisitsTable {
  id: string;
  patient_id: string;
  appointment_id: string | null;
  appointment_status_before: string | null;
  provider_id: string | null;
  room_id: string | null;
  status: VisitStatus;
  local_date: string;
  ticket_number: number;
  arrived_at: number;
  roomed_at: number | null;
  seen_at: number | null;
  ready_at: number | null;
  checked_out_at: number | null;
  status_since: number;
  called_at: number | null;
  called_room_id: string | null;
  last_event_id: string;
  undo_event_id: string | null;
  last_move_by: string | null;
  last_move_by_name: string | null;
  last_move_at: number;
  /** 1: billed self-pay although the patient may have insurance (migration 0018). */
  self_pay: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export type VisitEventAction = 'arrive' | 'move' | 'check_out' | 'undo' | 'call';

export interface VisitEventsTable {
  id: string;
  visit_id: string;
  at: number;
  user_id: string | null;
  username: string | null;
  action: VisitEventAction;
  from_status: VisitStatus | null;
  to_status: VisitStatus;
  /** JSON of the visit's moving fields before this event. */
  before: string;
  undoes_event_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface VitalsTable {
  id: string;
  patient_id: string;
  visit_id: string | null;
  systolic_mmhg: number | null;
  diastolic_mmhg: number | null;
  pulse_per_min: number | null;
  resp_per_min: number | null;
  temperature_c: number | null;
  spo2_percent: number | null;
  weight_kg: number | null;
  height_m: number | null;
  bmi: number | null;
  pain: number | null;
  chief_complaint: string | null;
  allergies_reviewed: number;
  confirmed_implausible: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** Merged into `Database` in schema.ts. */
export interface VisitTables {
  visit_settings: VisitSettingsTable;
  visits: VisitsTable;
  visit_events: VisitEventsTable;
  vitals: VitalsTable;
}

export type VisitRow = Selectable<VisitsTable>;
export type VisitEventRow = Selectable<VisitEventsTable>;
export type VitalsRow = Selectable<VitalsTable>;
