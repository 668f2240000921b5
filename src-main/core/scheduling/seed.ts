import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { contract } from '../../../src-shared/api/contract';
import { addDays, isoWeekday, localToInstant, MINUTE_MS } from '../../../src-shared/scheduling/time';
import { validateInput } from '../api/validate';
import type { Database } from '../db/schema';
import { makeRandom } from '../patients/seed';
import { createType, listTypes } from './appointment-types';
import { activeProviders } from './config';
import { createLocation } from './locations';
import { liveLocations } from './location-repository';
import { appointmentSeedWriter, type SeedAppointmentRow } from './seed-repository';
import { createProvider } from './providers';
import { createTemplate } from './weekly-hours';

/**
 * A made-up clinic's scheduling, the same for the same seed: a location, providers, a few
 * appointment types, weekly templates Mon–Fri 08:00–18:00 with a lunch break (written by the same
 * functions the procedures call, after the procedures' own input validation), then appointments
 * inserted with the raw handle in big transactions: the same columns `bookAppointment` writes, a
 * 'booked' history entry for each (and a 'cancelled' one for each cancelled appointment), realistic
 * statuses, no two live appointments of a provider overlapping, no patient in two places at once.
 * Used by `clinic seed` and by the benchmark (tests/bench/scheduling-data.ts).
 */

export const DEFAULT_PROVIDER_COUNT = 20;
/** How far ahead bookings reach (fewer the further out); the rest of the appointments lie before. */
export const FUTURE_DAYS = 91;
export const DAY_START = 8 * 60;
export const DAY_END = 18 * 60;
export const LUNCH = { start: 12 * 60 + 30, end: 13 * 60 + 30 };

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The instant of a local wall-clock time on a date (the seeded hours, 08:00–18:00, stay clear of DST changes). */
export function wallInstantIn(zone: string, date: string, minutes: number): number {
  const at = localToInstant(zone, { date, time: hhmm(minutes) });
  if (!at.ok) throw new Error(at.message);
  return at.instant;
}

export const TYPES = [
  { name: 'Short consultation', durationMinutes: 15, colour: '#2a9d8f', defaultPriceMinor: 3500, weight: 2 },
  { name: 'Consultation', durationMinutes: 30, colour: '#22aa55', defaultPriceMinor: 6500, weight: 5 },
  { name: 'Long consultation', durationMinutes: 45, colour: '#e9c46a', defaultPriceMinor: 9000, weight: 2 },
  { name: 'Procedure', durationMinutes: 60, colour: '#e76f51', defaultPriceMinor: 15000, weight: 1 },
] as const;

export interface SeedType {
  id: string;
  durationMinutes: number;
  /** How often it is booked, relative to the others. */
  weight: number;
}

/** What the appointments are booked with. */
export interface SchedulingConfig {
  locationId: string;
  providerIds: string[];
  types: SeedType[];
  /** ISO weekdays the providers work (1 Monday … 7 Sunday); Monday to Friday when absent. */
  weekdays?: readonly number[];
}

export const WORKING_WEEK: readonly number[] = [1, 2, 3, 4, 5];

export interface SeededAppointments {
  appointments: number;
  firstDate: string;
  lastDate: string;
}

/** Who the seeded appointments were booked and cancelled by (a user, or the CLI with no user id). */
export interface SeedActor {
  userId: string | null;
  username: string;
}

/**
 * Creates the location, `providerCount` providers, the appointment types and the weekly templates
 * (one transaction). `names` tells the rows apart from a real clinic's (the bench uses "Bench").
 */
export async function configureScheduling(
  db: Kysely<Database>,
  options: { providers: number; now: number; names?: string; weekdays?: readonly number[] },
): Promise<SchedulingConfig> {
  const weekdays = options.weekdays ?? WORKING_WEEK;
  const names = options.names ?? 'Seed';
  const now = options.now;
  return db.transaction().execute(async (trx) => {
    const location = await createLocation(
      trx,
      validateInput(contract['schedule.createLocation'].input, {
        name: `${names} Main Street`,
        address: `1 ${names} Street`,
      }),
      now,
    );
    const providerIds: string[] = [];
    for (let i = 0; i < options.providers; i += 1) {
      const colour = `#${((i * 0x2f4b7d + 0x336699) & 0xffffff).toString(16).padStart(6, '0')}`;
      const input = validateInput(contract['schedule.createProvider'].input, {
        displayName: `Dr ${names} ${String(i + 1).padStart(2, '0')}`,
        colour,
        defaultLocationId: location.id,
        specialty: i % 4 === 0 ? 'Paediatrics' : null,
      });
      providerIds.push((await createProvider(trx, input, now)).id);
    }
    const types: SeedType[] = [];
    for (const type of TYPES) {
      const input = validateInput(contract['schedule.createType'].input, {
        name: type.name,
        durationMinutes: type.durationMinutes,
        colour: type.colour,
        defaultPriceMinor: type.defaultPriceMinor,
      });
      types.push({
        id: (await createType(trx, input, now)).id,
        durationMinutes: type.durationMinutes,
        weight: type.weight,
      });
    }
    for (const providerId of providerIds) {
      for (const weekday of weekdays) {
        const input = validateInput(contract['schedule.createTemplate'].input, {
          providerId,
          locationId: location.id,
          weekday,
          start: hhmm(DAY_START),
          end: hhmm(DAY_END),
          breaks: [{ start: hhmm(LUNCH.start), end: hhmm(LUNCH.end) }],
        });
        await createTemplate(trx, input, now);
      }
    }
    return { locationId: location.id, providerIds, types, weekdays };
  });
}

/** The clinic's own providers, location and types, when it has them (null when it has no provider or type yet). */
export async function existingScheduling(db: Kysely<Database>): Promise<SchedulingConfig | null> {
  const providers = await activeProviders(db);
  const types = await listTypes(db);
  if (providers.length === 0 || types.length === 0) return null;
  const withLocation = providers.find((p) => p.default_location_id !== null);
  const locationId = withLocation?.default_location_id ?? (await liveLocations(db))[0]?.id;
  if (!locationId) return null;
  return {
    locationId,
    providerIds: providers.map((p) => p.id),
    types: types.map((t) => ({ id: t.id, durationMinutes: t.durationMinutes, weight: 1 })),
  };
}

const CANCEL_REASONS = ['Patient called to cancel', 'Feeling better', 'Clash with work', 'Provider unavailable'];

export interface SeedAppointmentsOptions {
  count: number;
  seed: number;
  /** The clinic's "today": the past before it is nearly full, the next FUTURE_DAYS fill up less and less. */
  today: string;
  zone: string;
  actor: SeedActor;
  /** Called after roughly every `progressEvery` rows (at the end of a day), with the rows so far. */
  onProgress?: (written: number) => void;
  progressEvery?: number;
}

/**
 * `count` appointments for the clinic's patients, written from the last bookable date backwards
 * (each date's provider columns walked from 08:00, a slot filled with a probability that falls off
 * in the future) until the count is reached. Deterministic from (patients, config, options).
 */
export function seedAppointments(
  handle: BetterSqlite3.Database,
  config: SchedulingConfig,
  options: SeedAppointmentsOptions,
): SeededAppointments {
  const { count, seed, today, zone, actor } = options;
  const lastDate = addDays(today, FUTURE_DAYS);
  if (count === 0) return { appointments: 0, firstDate: lastDate, lastDate };
  if (config.types.length === 0 || config.providerIds.length === 0)
    throw new Error('configure providers and appointment types before appointments');
  const wallInstant = (date: string, minutes: number) => wallInstantIn(zone, date, minutes);
  const writer = appointmentSeedWriter(handle, config.locationId, actor);
  const patients = writer.patientIds;
  if (patients.length === 0) throw new Error('seed patients before appointments');
  const random = makeRandom(seed ^ 0xa990);
  const int = (n: number) => Math.floor(random() * n);
  const types = config.types;
  const totalWeight = types.reduce((sum, t) => sum + t.weight, 0);
  const pickType = (): number => {
    let r = random() * totalWeight;
    for (let i = 0; i < types.length; i += 1) {
      r -= types[i]?.weight ?? 0;
      if (r < 0) return i;
    }
    return 0;
  };
  const reasons = [
    null,
    null,
    null,
    'Follow-up',
    'Check-up',
    'Blood results',
    'Repeat prescription',
    'Back pain',
    'Vaccination',
  ];

  let written = 0;
  let date = lastDate;
  const writeBatch = (rows: Row[]) => writer.writeBatch(rows);
  let batch: Row[] = [];
  const todayStart = wallInstant(today, 0);
  const progressEvery = Math.max(1, options.progressEvery ?? 100_000);
  let nextProgress = progressEvery;

  while (written < count) {
    if ((config.weekdays ?? WORKING_WEEK).includes(isoWeekday(date))) {
      const ahead = Math.round((wallInstant(date, 0) - todayStart) / (24 * 60 * MINUTE_MS));
      // The past is nearly full; the future fills up less the further out it lies.
      const fill = ahead <= 0 ? 0.9 : Math.max(0.1, 0.85 - (0.75 * ahead) / FUTURE_DAYS);
      const base = wallInstant(date, DAY_START);
      const busy = new Map<number, [number, number][]>();
      const patientFor = (start: number, end: number): number | null => {
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const p = int(patients.length);
          const taken = busy.get(p);
          if (taken?.some(([s, e]) => s < end && start < e)) continue;
          if (taken) taken.push([start, end]);
          else busy.set(p, [[start, end]]);
          return p;
        }
        return null;
      };
      for (const providerId of config.providerIds) {
        for (const block of [
          { start: DAY_START, end: LUNCH.start },
          { start: LUNCH.end, end: DAY_END },
        ]) {
          let cursor = block.start;
          while (written < count) {
            const t = pickType();
            const type = types[t] ?? types[0];
            if (!type || cursor + type.durationMinutes > block.end) break;
            const start = base + (cursor - DAY_START) * MINUTE_MS;
            const end = start + type.durationMinutes * MINUTE_MS;
            cursor += type.durationMinutes;
            if (random() >= fill) continue;
            const make = (status: Row['status']): Row | null => {
              const p = patientFor(start, end);
              if (p === null) return null;
              const createdAt = start - (1 + int(30 * 24 * 60)) * MINUTE_MS;
              const cancelledAt =
                status === 'cancelled' ? createdAt + Math.floor(random() * (start - createdAt)) : null;
              const updatedAt = cancelledAt ?? (status === 'completed' || status === 'no_show' ? end : createdAt);
              return {
                id: uuidv7({ msecs: createdAt }),
                patientId: patients[p] ?? '',
                providerId,
                typeId: type.id,
                start,
                end,
                reason: reasons[int(reasons.length)] ?? null,
                status,
                cancelReason: cancelledAt === null ? null : (CANCEL_REASONS[int(CANCEL_REASONS.length)] ?? null),
                cancelledAt,
                createdAt,
                updatedAt,
              };
            };
            const r = random();
            let status: Row['status'];
            if (ahead < 0) status = r < 0.08 ? 'cancelled' : r < 0.13 ? 'no_show' : 'completed';
            else status = r < 0.07 ? 'cancelled' : ahead <= 7 && r < 0.4 ? 'confirmed' : 'booked';
            const row = make(status);
            if (row) {
              batch.push(row);
              written += 1;
            }
            // Half the cancelled times were booked again by someone else: a live row beside the cancelled one.
            if (status === 'cancelled' && written < count && random() < 0.5) {
              const again = make(ahead < 0 ? 'completed' : 'booked');
              if (again) {
                batch.push(again);
                written += 1;
              }
            }
          }
        }
      }
    }
    if (batch.length >= 20_000) {
      writeBatch(batch);
      batch = [];
    }
    if (written >= nextProgress && written < count) {
      writeBatch(batch);
      batch = [];
      options.onProgress?.(written);
      while (nextProgress <= written) nextProgress += progressEvery;
    }
    if (written < count) date = addDays(date, -1);
  }
  writeBatch(batch);
  options.onProgress?.(written);
  return { appointments: written, firstDate: date, lastDate };
}

type Row = SeedAppointmentRow;
