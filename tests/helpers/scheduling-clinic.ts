import type { Input } from '../../src-shared/api/contract';
import type { AppointmentView } from '../../src-shared/scheduling/model';
import type { Result } from '../../src-shared/api/errors';
import { ADMIN, openTestClinic, type TestClinic } from './temp-core';

/**
 * A clinic ready to book: one location with two rooms, two providers working Monday to Friday
 * 09:00-17:00 with a lunch break 12:30-13:30, a 30-minute consultation, a receptionist signed in
 * as 'desk' and the administrator as 'admin'.
 */
export interface SchedulingClinic {
  clinic: TestClinic;
  timeZone: string;
  mainId: string;
  room1Id: string;
  room2Id: string;
  drAId: string;
  drBId: string;
  consultId: string;
  patient(firstName: string, lastName?: string): Promise<string>;
  /** Books as the receptionist, with Dr Ortiz and a consultation unless told otherwise. */
  book(
    input: Partial<Input<'appointments.book'>> & Pick<Input<'appointments.book'>, 'patientId' | 'start'>,
  ): Promise<Result<AppointmentView>>;
}

export const RECEPTIONIST = { username: 'rita', displayName: 'Rita Reception', password: 'reception desk 1' };
export const NURSE = { username: 'nina', displayName: 'Nina Nurse', password: 'nurse station 1' };

/** Adds the nurse (as the administrator, client 'admin') and signs her in as client 'nurse'. */
export async function signInNurse(clinic: TestClinic): Promise<void> {
  await clinic.ok('admin', 'users.create', { ...NURSE, role: 'nurse' });
  await clinic.ok('nurse', 'auth.login', { username: NURSE.username, password: NURSE.password });
}

let patientCount = 0;

export async function openSchedulingClinic(
  options: { timeZone?: string; now?: number; weekdays?: number[] } = {},
): Promise<SchedulingClinic> {
  const timeZone = options.timeZone ?? 'Europe/London';
  const clinic = await openTestClinic();
  if (options.now !== undefined) clinic.clock.now = options.now;
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await clinic.ok('admin', 'settings.update', { timeZone });
  await clinic.ok('admin', 'users.create', { ...RECEPTIONIST, role: 'receptionist' });
  await clinic.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });

  const main = await clinic.ok('admin', 'schedule.createLocation', { name: 'Main Street' });
  const room1 = await clinic.ok('admin', 'schedule.createRoom', { locationId: main.id, name: 'Room 1' });
  const room2 = await clinic.ok('admin', 'schedule.createRoom', { locationId: main.id, name: 'Room 2' });
  const drA = await clinic.ok('admin', 'schedule.createProvider', {
    displayName: 'Dr Ana Ortiz',
    colour: '#3366CC',
    defaultLocationId: main.id,
  });
  const drB = await clinic.ok('admin', 'schedule.createProvider', {
    displayName: 'Dr Ben Lee',
    colour: '#cc6633',
    specialty: 'Paediatrics',
  });
  const consult = await clinic.ok('admin', 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#22aa55',
    defaultPriceMinor: 6500,
  });
  for (const providerId of [drA.id, drB.id]) {
    for (const weekday of options.weekdays ?? [1, 2, 3, 4, 5]) {
      await clinic.ok('admin', 'schedule.createTemplate', {
        providerId,
        locationId: main.id,
        weekday,
        start: '09:00',
        end: '17:00',
        breaks: [{ start: '12:30', end: '13:30' }],
      });
    }
  }

  const patient = async (firstName: string, lastName = 'Patient') => {
    patientCount += 1;
    // A date of birth of its own: the duplicate check never takes two test patients for one person.
    const dob = new Date(Date.UTC(1940, 0, 1) + patientCount * 86_400_000).toISOString().slice(0, 10);
    const created = await clinic.ok('desk', 'patients.create', {
      firstName,
      lastName: `${lastName}${patientCount}`,
      dob,
    });
    return created.id;
  };

  return {
    clinic,
    timeZone,
    mainId: main.id,
    room1Id: room1.id,
    room2Id: room2.id,
    drAId: drA.id,
    drBId: drB.id,
    consultId: consult.id,
    patient,
    book: (input) => clinic.call('desk', 'appointments.book', { providerId: drA.id, typeId: consult.id, ...input }),
  };
}
