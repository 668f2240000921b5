// A desk writing as fast as it can until it is killed: run by crash-durability.test.ts, which SIGKILLs
// it at a random moment. Each write (and each audited read) is printed (`ACK kind id`) only after the
// call returned, i.e. after its transaction committed: the parent then demands that every one survived.
import { writeSync } from 'node:fs';
import { createCore } from '../../src-main/core/app';
import { CRASH_USERS, type AckKind, type CrashClinic } from './crash-clinic';

const SLOTS = [
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '12:00',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];
const DAY_MS = 86_400_000;

const clinic = JSON.parse(process.env.CRASH_CLINIC ?? '{}') as CrashClinic;
let index = Number(process.env.CRASH_FIRST_INDEX ?? '0');
const startedAt = Date.now();
// The clinic's Monday 08:00 plus the real time since start: stable dates, sessions never idle out.
const clock = () => clinic.start + (Date.now() - startedAt);
const core = await createCore({
  file: clinic.file,
  key: Buffer.from(clinic.keyHex, 'hex'),
  clock,
  lock: 'the crash-test desk',
});

async function ok<T>(clientId: string, name: string, input: unknown): Promise<T> {
  const result = await core.invoke(clientId, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * Registers a patient as the desk would: a wrapped birth date meets an earlier "Crash Test…" of the same
 * date (names that sound the same), and the desk confirms it is a different person, as a receptionist does.
 */
async function createPatient(lastName: string, dob: string): Promise<{ id: string }> {
  const input = { firstName: 'Crash', lastName, dob };
  const first = await core.invoke('desk', 'patients.create', input);
  if (first.ok) return first.value as { id: string };
  const duplicates = first.error.details?.duplicates as { patient: { id: string } }[] | undefined;
  if (first.error.code !== 'CONFLICT' || !duplicates) {
    throw new Error(`patients.create: ${first.error.code} ${first.error.message}`);
  }
  return ok('desk', 'patients.create', { ...input, notDuplicateOf: duplicates.map((d) => d.patient.id) });
}

function ack(kind: AckKind, id: string): void {
  writeSync(1, `ACK ${kind} ${id}\n`);
}

for (const [clientId, user] of Object.entries(CRASH_USERS)) {
  await ok(clientId, 'auth.login', { username: user.username, password: user.password });
}
writeSync(1, 'READY\n');

/** A weekday from the Monday after the clinic's start, 28 slots a day across two providers. */
function slotOf(i: number): { date: string; time: string; providerId: string } {
  const day = Math.floor(i / (2 * SLOTS.length));
  const offset = 7 + Math.floor(day / 5) * 7 + (day % 5);
  const date = new Date(clinic.start + offset * DAY_MS).toISOString().slice(0, 10);
  const within = i % (2 * SLOTS.length);
  return {
    date,
    time: SLOTS[within % SLOTS.length] ?? '09:00',
    providerId: within < SLOTS.length ? clinic.drAId : clinic.drBId,
  };
}

for (;;) {
  const i = index;
  index += 1;
  // Wrapped at about 55 years: a long run (200 kills pass 7,000 patients) must not reach the future.
  const dob = new Date(Date.UTC(1930, 0, 1) + (i % 20_000) * DAY_MS).toISOString().slice(0, 10);
  const patient = await createPatient(`Test${i}`, dob);
  ack('patient', patient.id);
  // An audited read: its entry commits without an fsync, and a printed view must still be in the chain.
  await ok('desk', 'patients.get', { patientId: patient.id });
  ack('view', patient.id);
  const slot = slotOf(i);
  const appointment = await ok<{ id: string }>('desk', 'appointments.book', {
    patientId: patient.id,
    providerId: slot.providerId,
    typeId: clinic.consultId,
    start: { date: slot.date, time: slot.time },
  });
  ack('appointment', appointment.id);
  const visit = await ok<{ id: string }>('desk', 'visits.checkIn', { patientId: patient.id });
  ack('visit', visit.id);
  const vitals = await ok<{ id: string }>('nurse', 'vitals.record', {
    patientId: patient.id,
    visitId: visit.id,
    units: { temperature: 'C', system: 'metric' },
    systolic: 120,
    diastolic: 80,
    pulse: 70,
  });
  ack('vitals', vitals.id);
  const payment = await ok<{ id: string }>('desk', 'payments.take', {
    patientId: patient.id,
    amountMinor: 1000 + i,
    methodId: clinic.cardMethodId,
    reference: `crash-${i}`,
  });
  ack('payment', payment.id);
}
