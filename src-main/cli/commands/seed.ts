import { isLocalDate, localDateOf } from '../../../src-shared/scheduling/time';
import { seedPatients } from '../../core/patients/seed';
import { clinicClock } from '../../core/scheduling/config';
import {
  configureScheduling,
  DEFAULT_PROVIDER_COUNT,
  existingScheduling,
  seedAppointments,
} from '../../core/scheduling/seed';
import { countAppointments } from '../../core/scheduling/seed-repository';
import { parseOptions, UsageError } from '../args';
import { openCore } from '../data-folder';
import { auditCli } from '../system-actor';

const MAX_PATIENTS = 1_000_000;
const MAX_APPOINTMENTS = 5_000_000;
const MAX_PROVIDERS = 200;

function wholeNumber(
  options: Record<string, string | boolean | undefined>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const text = options[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (typeof text !== 'string' || text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${String(text)}")`);
  }
  return value;
}

/**
 * `clinic seed --data DIR --patients N [--appointments M] [--providers P] [--seed S] [--today DATE]`:
 * a made-up clinic, the same one for the same seed (and today). With appointments it first sets up
 * P providers, a location, types and weekly hours unless the clinic has providers and types already.
 */
export async function seedCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    patients: { type: 'string', required: true },
    appointments: { type: 'string' },
    providers: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  });
  const count = wholeNumber(options, 'patients', 1, MAX_PATIENTS, 0);
  const appointments = wholeNumber(options, 'appointments', 0, MAX_APPOINTMENTS, 0);
  const providers = wholeNumber(options, 'providers', 1, MAX_PROVIDERS, DEFAULT_PROVIDER_COUNT);
  const seed = wholeNumber(options, 'seed', -2_147_483_648, 2_147_483_647, 1);
  if (options.today !== undefined && !isLocalDate(options.today))
    throw new UsageError(`--today must be a date as YYYY-MM-DD (got "${options.today}")`);
  if (appointments === 0 && (options.providers !== undefined || options.today !== undefined)) {
    throw new UsageError(
      `--${options.providers !== undefined ? 'providers' : 'today'} only applies with --appointments`,
    );
  }
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    // Before anything is written: appointments need the clinic's time zone, so it must be set up.
    const timeZone = appointments > 0 ? (await clinicClock(core.database.db)).timeZone : '';
    if (appointments > 0) {
      // The generator fills the providers' days without looking at bookings already there.
      const booked = await countAppointments(core.database.db);
      if (booked > 0) {
        console.error(
          `clinic: this clinic already has ${booked} appointments; made-up appointments go only into a clinic without any. Nothing was added.`,
        );
        return 1;
      }
    }
    const started = performance.now();
    const written = seedPatients(core.database.handle, count, seed, Date.now());
    await auditCli(core.database.db, 'patients.seed', { patients: written, seed });
    console.log(
      `Added ${written} made-up patients (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (appointments === 0) return 0;

    const today = options.today ?? localDateOf(timeZone, Date.now());
    let config = await existingScheduling(core.database.db);
    const configured = config === null;
    if (config === null) {
      config = await configureScheduling(core.database.db, { providers, now: Date.now() });
      console.log(
        `Set up ${providers} providers, a location, ${config.types.length} appointment types and Mon–Fri 08:00–18:00 hours.`,
      );
    } else {
      console.log(
        `Booking with the clinic's ${config.providerIds.length} providers and ${config.types.length} appointment types` +
          `${options.providers !== undefined ? ' (--providers is only used for a clinic without providers)' : ''}.`,
      );
    }
    const phase = performance.now();
    const every = Math.min(100_000, Math.max(1, Math.ceil(appointments / 10)));
    const seeded = seedAppointments(core.database.handle, config, {
      count: appointments,
      seed,
      today,
      zone: timeZone,
      actor: { userId: null, username: `cli:${process.env.USER ?? 'unknown'}` },
      progressEvery: every,
      onProgress: (done) =>
        console.log(`  ${done} of ${appointments} appointments (${Math.floor((100 * done) / appointments)}%)`),
    });
    const seconds = (performance.now() - phase) / 1000;
    await auditCli(core.database.db, 'appointments.seed', {
      appointments: seeded.appointments,
      providers: config.providerIds.length,
      configured,
      seed,
      today,
      firstDate: seeded.firstDate,
      lastDate: seeded.lastDate,
    });
    console.log(
      `Added ${seeded.appointments} made-up appointments for ${config.providerIds.length} providers, ${seeded.firstDate} to ${seeded.lastDate}` +
        ` around ${today} (seed ${seed}) in ${seconds.toFixed(1)} s; ${((performance.now() - started) / 1000).toFixed(1)} s in all.`,
    );
    return 0;
  } finally {
    await core.close();
  }
}
