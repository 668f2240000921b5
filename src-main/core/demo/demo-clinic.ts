import type { Input, Output, ProcedureName } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { localDateOf } from '../../../src-shared/scheduling/time';
import type { Core } from '../app';
import { appendAudit } from '../audit/repository';
import { DEMO_ACTION } from './mark-repository';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../src-shared/demo';
import { seedPatients } from '../patients/seed';
import { configureScheduling, seedAppointments } from '../scheduling/seed';
import { seedDemoFeesAndStock } from './demo-fees-and-stock';

/**
 * A demo clinic for someone trying Front Desk (issue 19, "try it in one command"): made-up staff,
 * providers, hours, a few hundred patients and their appointments around today, some of today's
 * already arrived. Built through the router as a new clinic's administrator would (set-up, staff,
 * check-ins) and with the bench's seeders for the bulk. It is marked for good by a `demo.created`
 * audit entry — the log is append-only, so a demo clinic can never pass for a real one
 * (`isDemo`, read by `system.status`, puts "Demo" on every screen).
 */

const PROVIDER_NAMES = ['Dr Ana Ortiz', 'Dr Ben Lee', 'Dr Chloe Park'];
const PATIENTS = 400;
const APPOINTMENTS = 3_000;
const CLIENT = 'demo-seed';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export interface DemoClinic {
  clinicName: string;
  timeZone: string;
  today: string;
  patients: number;
  appointments: number;
  arrived: number;
}

async function invoke<N extends ProcedureName>(core: Core, client: string, name: N, input: Input<N>) {
  const result = await core.invoke(client, name, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.value as Output<N>;
}

/** Seeds a clinic that is not set up yet; refuses one that is (a demo never mixes with real data). */
export async function seedDemoClinic(
  core: Core,
  options: { timeZone: string; now: number; seed?: number },
): Promise<DemoClinic> {
  const { timeZone, now } = options;
  const seed = options.seed ?? 20_261_203;
  const status = await invoke(core, CLIENT, 'system.status', {});
  if (!status.setupRequired) {
    throw new ApiError('CONFLICT', 'This clinic is already set up: a demo is made only in a new, empty data folder.');
  }
  const clinicName = 'Sunnyside Clinic (demo)';
  const [admin, ...staff] = DEMO_USERS;
  await invoke(core, CLIENT, 'system.setup', {
    clinicName,
    timeZone,
    currency: 'USD',
    country: 'US',
    admin: { username: admin.username, displayName: admin.displayName, password: DEMO_PASSWORD },
  });
  await invoke(core, CLIENT, 'auth.login', { username: admin.username, password: DEMO_PASSWORD });
  for (const user of staff) await invoke(core, CLIENT, 'users.create', { ...user, password: DEMO_PASSWORD });
  await invoke(core, CLIENT, 'settings.update', { lockTimeoutMinutes: 60 });

  const db = core.database.db;
  // Open every day, so a demo made on a Saturday or Sunday also has a morning under way.
  const config = await configureScheduling(db, {
    providers: PROVIDER_NAMES.length,
    now,
    names: 'Demo',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
  });
  for (const [index, providerId] of config.providerIds.entries()) {
    const displayName = PROVIDER_NAMES[index] ?? `Dr Demo ${index + 1}`;
    await invoke(core, CLIENT, 'schedule.updateProvider', { providerId, displayName });
  }
  await invoke(core, CLIENT, 'schedule.updateLocation', { locationId: config.locationId, name: 'Main Street' });
  for (const name of ['Room 1', 'Room 2', 'Room 3', 'Treatment room']) {
    await invoke(core, CLIENT, 'schedule.createRoom', { locationId: config.locationId, name });
  }
  const today = localDateOf(timeZone, now);
  await seedDemoFeesAndStock((name, input) => invoke(core, CLIENT, name, input), config, today);
  // Registered a year before today: made "now", the manager's home counted all 400 as new today.
  const patients = seedPatients(core.database.handle, PATIENTS, seed, now - YEAR_MS);
  const booked = seedAppointments(core.database.handle, config, {
    count: APPOINTMENTS,
    seed,
    today,
    zone: timeZone,
    actor: { userId: null, username: 'demo' },
  });
  const arrived = await arriveSome(core, today, now);
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now,
      actorUserId: null,
      actorUsername: 'demo',
      action: DEMO_ACTION,
      targetType: 'clinic',
      targetId: null,
      outcome: 'ok',
      details: { patients, appointments: booked.appointments, today, seed },
    }),
  );
  await invoke(core, CLIENT, 'auth.logout', {});
  return { clinicName, timeZone, today, patients, appointments: booked.appointments, arrived };
}

/** A few of today's appointments due about now checked in, as the desk would have this morning. */
async function arriveSome(core: Core, today: string, now: number): Promise<number> {
  const day = await invoke(core, CLIENT, 'appointments.day', { date: today });
  const open = day.providers
    .flatMap((column) => column.appointments)
    .filter((a) => a.status === 'booked' || a.status === 'confirmed');
  const soon = open.filter((a) => a.start <= now + 60 * 60_000).sort((a, b) => b.start - a.start);
  // Before the day's first appointment is near (an early start), the first few of the day instead.
  const due = (soon.length > 0 ? soon : open.sort((a, b) => a.start - b.start)).slice(0, 4);
  for (const appointment of due) await invoke(core, CLIENT, 'visits.checkIn', { appointmentId: appointment.id });
  return due.length;
}
