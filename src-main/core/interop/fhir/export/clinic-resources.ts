import type {
  HealthcareService,
  Location,
  Organization,
  Practitioner,
  PractitionerRole,
  Schedule,
  Slot,
} from 'fhir/r4';
import { FHIR_SYSTEMS } from '../../../../../src-shared/fhir/codes';
import { addDays, isoWeekday, parseLocalTime, wallRangeToInstants } from '../../../../../src-shared/scheduling/time';
import type { ClinicRows } from './export-repository';
import { CLINIC_ORGANIZATION_ID, compact, instant, ref, rowIdentifier } from './references';

/** The clinic's own resources: who works where, what can be booked, and when the weekly hours are open. */

export type ClinicResource =
  Organization | Location | Practitioner | PractitionerRole | HealthcareService | Schedule | Slot;

export function organization(rows: ClinicRows): Organization {
  return compact<Organization>({
    resourceType: 'Organization',
    id: CLINIC_ORGANIZATION_ID,
    active: true,
    name: rows.settings.clinic_name,
    address: rows.settings.country ? [{ country: rows.settings.country }] : undefined,
  });
}

export function locations(rows: ClinicRows): Location[] {
  const places = rows.locations.map((l) =>
    compact<Location>({
      resourceType: 'Location',
      id: l.id,
      identifier: [rowIdentifier('location', l.id)],
      status: 'active',
      name: l.name,
      mode: 'instance',
      address: l.address ? { text: l.address } : undefined,
      managingOrganization: ref('Organization', CLINIC_ORGANIZATION_ID),
    }),
  );
  // Rooms are locations too (physical type "room"), part of their building.
  const rooms = rows.rooms.map((r) =>
    compact<Location>({
      resourceType: 'Location',
      id: r.id,
      identifier: [rowIdentifier('room', r.id)],
      status: 'active',
      name: r.name,
      mode: 'instance',
      physicalType: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'ro', display: 'Room' },
        ],
      },
      partOf: ref('Location', r.location_id),
    }),
  );
  return [...places, ...rooms];
}

export function practitioners(rows: ClinicRows): Practitioner[] {
  return rows.providers.map((p) =>
    compact<Practitioner>({
      resourceType: 'Practitioner',
      id: p.id,
      identifier: [rowIdentifier('provider', p.id)],
      active: true,
      name: [{ text: p.display_name }],
    }),
  );
}

export function practitionerRoles(rows: ClinicRows): PractitionerRole[] {
  return rows.providers.map((p) => {
    const services = rows.typeProviders.filter((tp) => tp.provider_id === p.id).map((tp) => tp.type_id);
    const placeIds = [
      ...new Set([
        ...(p.default_location_id ? [p.default_location_id] : []),
        ...rows.templates.filter((t) => t.provider_id === p.id).map((t) => t.location_id),
      ]),
    ];
    return compact<PractitionerRole>({
      resourceType: 'PractitionerRole',
      id: `role-${p.id}`,
      active: true,
      practitioner: ref('Practitioner', p.id, p.display_name),
      organization: ref('Organization', CLINIC_ORGANIZATION_ID),
      location: placeIds.map((id) => ref('Location', id)),
      healthcareService: services.map((id) => ref('HealthcareService', id)),
      specialty: p.specialty ? [{ text: p.specialty }] : undefined,
    });
  });
}

/** Appointment types: what a patient can be booked for, with its duration. */
export function healthcareServices(rows: ClinicRows): HealthcareService[] {
  return rows.types.map((t) =>
    compact<HealthcareService>({
      resourceType: 'HealthcareService',
      id: t.id,
      identifier: [rowIdentifier('appointment-type', t.id)],
      active: true,
      providedBy: ref('Organization', CLINIC_ORGANIZATION_ID),
      type: [{ coding: [{ system: FHIR_SYSTEMS.appointmentType, code: t.id, display: t.name }], text: t.name }],
      name: t.name,
      comment: `${t.duration_minutes} minutes`,
      appointmentRequired: true,
    }),
  );
}

export function schedules(rows: ClinicRows): Schedule[] {
  return rows.providers.map((p) =>
    compact<Schedule>({
      resourceType: 'Schedule',
      id: `schedule-${p.id}`,
      active: true,
      actor: [ref('Practitioner', p.id, p.display_name)],
      comment: 'Weekly hours',
    }),
  );
}

/**
 * The weekly hours as free slots, one per working stretch between breaks, on each local day of
 * [fromDate, toDate]. Time off and bookings are not subtracted: the Appointments say what is taken.
 */
export function slots(rows: ClinicRows, fromDate: string, toDate: string): Slot[] {
  const zone = rows.settings.time_zone;
  const out: Slot[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const t of rows.templates) {
      if (t.weekday !== weekday) continue;
      if ((t.valid_from && date < t.valid_from) || (t.valid_until && date > t.valid_until)) continue;
      for (const [index, stretch] of stretches(t.start_time, t.end_time, t.breaks).entries()) {
        for (const piece of wallRangeToInstants(zone, date, stretch.start, stretch.end)) {
          out.push({
            resourceType: 'Slot',
            id: `slot-${t.id}-${date}-${index}`,
            schedule: ref('Schedule', `schedule-${t.provider_id}`),
            status: 'free',
            start: instant(piece.start),
            end: instant(piece.end),
          });
        }
      }
    }
  }
  return out;
}

function stretches(start: string, end: string, breaksJson: string): { start: number; end: number }[] {
  const from = parseLocalTime(start) ?? 0;
  const to = parseLocalTime(end) ?? 0;
  const breaks = (JSON.parse(breaksJson) as { start: string; end: string }[])
    .map((b) => ({ start: parseLocalTime(b.start) ?? 0, end: parseLocalTime(b.end) ?? 0 }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  let cursor = from;
  for (const b of breaks) {
    if (b.start > cursor) out.push({ start: cursor, end: Math.min(b.start, to) });
    cursor = Math.max(cursor, b.end);
  }
  if (cursor < to) out.push({ start: cursor, end: to });
  return out.filter((s) => s.end > s.start);
}
