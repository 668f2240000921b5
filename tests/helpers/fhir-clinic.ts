import type { SchedulingClinic } from './scheduling-clinic';
import { openSchedulingClinic, signInNurse } from './scheduling-clinic';

/**
 * A clinic for the FHIR export tests: María López (MRN, national id, two phones, an emergency
 * contact, a merged duplicate, an allergy, insurance, a referral letter, a consent), a kept
 * appointment with a visit through every status and vitals, a cancelled one and one next week;
 * and Olga, booked only next week.
 */

// Monday 2026-11-23 08:00 UTC; the clinic is in Europe/London (GMT in November).
export const MONDAY = '2026-11-23';
export const START = Date.UTC(2026, 10, 23, 8, 0);
const MINUTE = 60_000;
export const PDF_BASE64 = Buffer.from('%PDF-1.4 a referral letter').toString('base64');

export interface FhirClinic {
  s: SchedulingClinic;
  seeded: {
    mariaId: string;
    mrn: string;
    mergedId: string;
    visitId: string;
    keptId: string;
    cancelledId: string;
    laterId: string;
    otherId: string;
  };
}

export async function openFhirClinic(): Promise<FhirClinic> {
  const seeded = {
    mariaId: '',
    mrn: '',
    mergedId: '',
    visitId: '',
    keptId: '',
    cancelledId: '',
    laterId: '',
    otherId: '',
  };
  const s = await openSchedulingClinic({ now: START });
  await s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await signInNurse(s.clinic);
  const c = s.clinic;
  const maria = await c.ok('desk', 'patients.create', {
    firstName: 'María',
    middleName: 'José',
    lastName: 'López',
    preferredName: 'Majo',
    dob: '1980-02-29',
    sex: 'female',
    email: 'maria@example.org',
    address: {
      line1: '1 Calle Mayor',
      line2: 'Piso 2',
      city: 'Leeds',
      region: 'West Yorkshire',
      postalCode: 'LS1 1AA',
      country: 'GB',
    },
    preferredLanguage: 'Spanish',
    nationalId: 'AB123456C',
    phones: [
      { kind: 'home', number: '+44 113 496 0000' },
      { kind: 'mobile', number: '+44 7700 900123', isPrimary: true },
    ],
    contacts: [{ kind: 'emergency', name: 'Pedro López', relationship: 'Brother', phone: '+44 7700 900456' }],
  });
  seeded.mariaId = maria.id;
  seeded.mrn = maria.mrn;
  const twin = await c.ok('desk', 'patients.create', {
    firstName: 'Maria',
    lastName: 'Lopez',
    dob: '1980-02-29',
    notDuplicateOf: [maria.id],
  });
  seeded.mergedId = twin.id;
  await c.ok('admin', 'patients.merge', { survivorId: maria.id, mergedId: twin.id });
  await c.ok('desk', 'patients.addAllergy', {
    patientId: maria.id,
    substance: 'Penicillin',
    reaction: 'Hives',
    severity: 'severe',
  });
  await c.ok('desk', 'patients.addInsurance', {
    patientId: maria.id,
    payer: 'Acme Health',
    plan: 'Gold',
    memberId: 'M-998877',
    groupNumber: 'G-12',
    holderRelationship: 'self',
    priority: 'primary',
    effectiveDate: '2026-01-01',
  });
  const letter = await c.ok('desk', 'documents.add', {
    patientId: maria.id,
    kind: 'referral',
    title: 'Referral letter',
    fileName: 'referral.pdf',
    mimeType: 'application/pdf',
    contentBase64: PDF_BASE64,
  });
  await c.ok('desk', 'consents.record', {
    patientId: maria.id,
    kind: 'treatment',
    givenOn: '2026-11-01',
    documentId: letter.id,
  });

  const kept = await s.book({ patientId: maria.id, start: { date: MONDAY, time: '09:00' }, reason: 'Sore throat' });
  const cancelled = await s.book({ patientId: maria.id, start: { date: MONDAY, time: '11:00' } });
  const later = await s.book({ patientId: maria.id, start: { date: '2026-11-30', time: '10:00' } });
  if (!kept.ok || !cancelled.ok || !later.ok) throw new Error('booking failed');
  seeded.keptId = kept.value.id;
  seeded.cancelledId = cancelled.value.id;
  seeded.laterId = later.value.id;
  await c.ok('desk', 'appointments.cancel', { appointmentId: cancelled.value.id, reason: 'Patient is travelling' });

  c.clock.advance(55 * MINUTE);
  let visit = await c.ok('desk', 'visits.checkIn', { appointmentId: kept.value.id });
  seeded.visitId = visit.id;
  c.clock.advance(5 * MINUTE);
  visit = await c.ok('nurse', 'visits.move', {
    visitId: visit.id,
    to: 'roomed',
    roomId: s.room1Id,
    expectedLastEventId: visit.lastEventId,
  });
  await c.ok('nurse', 'vitals.record', {
    patientId: maria.id,
    visitId: visit.id,
    units: { temperature: 'C', system: 'metric' },
    systolic: 128,
    diastolic: 82,
    pulse: 76,
    temperature: 37.2,
    weight: 70,
    height: 175,
  });
  c.clock.advance(10 * MINUTE);
  visit = await c.ok('nurse', 'visits.move', {
    visitId: visit.id,
    to: 'with_provider',
    expectedLastEventId: visit.lastEventId,
  });
  c.clock.advance(15 * MINUTE);
  visit = await c.ok('nurse', 'visits.move', {
    visitId: visit.id,
    to: 'ready_for_checkout',
    expectedLastEventId: visit.lastEventId,
  });
  c.clock.advance(5 * MINUTE);
  await c.ok('desk', 'visits.checkOut', { visitId: visit.id, expectedLastEventId: visit.lastEventId });

  // Someone else, seen only next week.
  seeded.otherId = await s.patient('Olga', 'Other');
  const olga = await s.book({ patientId: seeded.otherId, start: { date: '2026-12-01', time: '09:00' } });
  if (!olga.ok) throw new Error(olga.error.message);
  return { s, seeded };
}
