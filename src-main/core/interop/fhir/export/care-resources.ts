import type { Appointment, AppointmentParticipant, Encounter, EncounterStatusHistory, Observation } from 'fhir/r4';
import {
  APPOINTMENT_STATUS_TO_FHIR,
  BLOOD_PRESSURE_PANEL,
  ENCOUNTER_CLASS,
  FHIR_EXTENSIONS,
  FHIR_SYSTEMS,
  VISIT_STATUS_TO_FHIR,
  VITAL_CODES,
  VITAL_SIGNS_CATEGORY,
  type VitalKind,
} from '../../../../../src-shared/fhir/codes';
import type { ClinicRows, PatientBatch } from './export-repository';
import { CLINIC_ORGANIZATION_ID, compact, instant, ref, rowIdentifier } from './references';

/** What happened at the clinic: bookings, visits (with each status they went through) and vital signs. */

type Row<K extends keyof PatientBatch> = PatientBatch[K][number];

export function appointmentResource(clinic: ClinicRows, a: Row<'appointments'>): Appointment {
  const type = clinic.types.find((t) => t.id === a.type_id);
  const provider = clinic.providers.find((p) => p.id === a.provider_id);
  const participant: AppointmentParticipant[] = [
    { actor: ref('Patient', a.patient_id), required: 'required', status: 'accepted' },
    { actor: ref('Practitioner', a.provider_id, provider?.display_name), required: 'required', status: 'accepted' },
    { actor: ref('Location', a.location_id), required: 'required', status: 'accepted' },
    ...(a.room_id
      ? [{ actor: ref('Location', a.room_id), required: 'required' as const, status: 'accepted' as const }]
      : []),
  ];
  return compact<Appointment>({
    resourceType: 'Appointment',
    id: a.id,
    extension: [{ url: FHIR_EXTENSIONS.appointmentDeskStatus, valueCode: a.status }],
    identifier: [rowIdentifier('appointment', a.id)],
    status: APPOINTMENT_STATUS_TO_FHIR[a.status],
    cancelationReason: a.status === 'cancelled' && a.cancel_reason ? { text: a.cancel_reason } : undefined,
    serviceType: [
      compact({
        coding: [compact({ system: FHIR_SYSTEMS.appointmentType, code: a.type_id, display: type?.name })],
        text: type?.name,
      }),
    ],
    reasonCode: a.reason ? [{ text: a.reason }] : undefined,
    start: instant(a.start_at),
    end: instant(a.end_at),
    minutesDuration: Math.round((a.end_at - a.start_at) / 60_000),
    created: instant(a.created_at),
    comment: a.notes ?? undefined,
    participant,
  });
}

export function encounterResource(batch: PatientBatch, v: Row<'visits'>): Encounter {
  const events = batch.visitEvents.filter((e) => e.visit_id === v.id && e.action !== 'call');
  const history: EncounterStatusHistory[] = events.map((e, index) => {
    const next = events[index + 1];
    return {
      status: VISIT_STATUS_TO_FHIR[e.to_status],
      period: compact({ start: instant(e.at), end: next ? instant(next.at) : undefined }),
    };
  });
  const end = v.checked_out_at ?? (v.status === 'cancelled' ? v.status_since : null);
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: v.id,
    extension: [{ url: FHIR_EXTENSIONS.encounterDeskStatus, valueCode: v.status }],
    identifier: [rowIdentifier('visit', v.id)],
    status: VISIT_STATUS_TO_FHIR[v.status],
    statusHistory: history,
    class: { ...ENCOUNTER_CLASS },
    subject: ref('Patient', v.patient_id),
    appointment: v.appointment_id ? [ref('Appointment', v.appointment_id)] : undefined,
    participant: v.provider_id ? [{ individual: ref('Practitioner', v.provider_id) }] : undefined,
    period: compact({ start: instant(v.arrived_at), end: end !== null ? instant(end) : undefined }),
    location: v.room_id ? [{ location: ref('Location', v.room_id) }] : undefined,
    serviceProvider: ref('Organization', CLINIC_ORGANIZATION_ID),
  });
}

const SINGLE_VITALS: Exclude<VitalKind, 'systolic' | 'diastolic'>[] = [
  'pulse',
  'respRate',
  'temperature',
  'spo2',
  'weight',
  'height',
  'bmi',
  'pain',
];

const loinc = (code: string, display: string) => ({
  coding: [{ system: FHIR_SYSTEMS.loinc, code, display }],
  text: display,
});
const quantity = (kind: VitalKind, value: number) => ({
  value,
  unit: VITAL_CODES[kind].unit,
  system: FHIR_SYSTEMS.ucum,
  code: VITAL_CODES[kind].ucum,
});

/** One vitals entry becomes one Observation per measurement, blood pressure as one panel of two components. */
export function observationResources(v: Row<'vitals'>): Observation[] {
  const base = (id: string) =>
    compact({
      resourceType: 'Observation' as const,
      id,
      identifier: [rowIdentifier('vitals', id)],
      status: 'final' as const,
      category: [{ coding: [{ ...VITAL_SIGNS_CATEGORY }] }],
      subject: ref('Patient', v.patient_id),
      encounter: v.visit_id ? ref('Encounter', v.visit_id) : undefined,
      effectiveDateTime: instant(v.recorded_at),
    });
  const out: Observation[] = [];
  if (v.systolic_mmhg !== null || v.diastolic_mmhg !== null) {
    out.push({
      ...base(`${v.id}-bp`),
      code: loinc(BLOOD_PRESSURE_PANEL.loinc, BLOOD_PRESSURE_PANEL.display),
      component: (['systolic', 'diastolic'] as const).flatMap((kind) => {
        const value = v[VITAL_CODES[kind].column];
        return value === null
          ? []
          : [{ code: loinc(VITAL_CODES[kind].loinc, VITAL_CODES[kind].display), valueQuantity: quantity(kind, value) }];
      }),
    });
  }
  for (const kind of SINGLE_VITALS) {
    const value = v[VITAL_CODES[kind].column];
    if (value === null) continue;
    out.push({
      ...base(`${v.id}-${kind}`),
      code: loinc(VITAL_CODES[kind].loinc, VITAL_CODES[kind].display),
      valueQuantity: quantity(kind, value),
    });
  }
  return out;
}
