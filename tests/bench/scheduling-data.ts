import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { Core } from '../../src-main/core/app';
import { makeRandom } from '../../src-main/core/patients/seed';
import { addDays, isoWeekday, localToInstant, MINUTE_MS } from '../../src-shared/scheduling/time';

/**
 * The scheduling half of the bench data. The clinic's configuration (a location, 20 providers, a few
 * appointment types, weekly templates Mon–Fri 08:00–18:00 with a lunch break) goes through the
 * procedures, so those rows are what the app itself writes. The appointments are then inserted with
 * the raw handle in big transactions: the same columns `bookAppointment` writes, a 'booked' history
 * entry for each (and a 'cancelled' one for each cancelled appointment), realistic statuses, no two
 * live appointments of a provider overlapping, no patient in two places at once.
 */

/** Who books the seeded appointments (the bench's administrator). */
export const BENCH_USERNAME = 'bench';

/** The bench's fixed "today" (a Monday): the data lies around it, and the scheduling benchmarks run with a clock set to it. */
export const BENCH_TODAY = '2026-06-15';
export const BENCH_ZONE = 'Europe/London';
export const PROVIDER_COUNT = 20;
/** How far ahead bookings reach (fewer the further out); the rest of the appointments lie before. */
export const FUTURE_DAYS = 91;
export const DAY_START = 8 * 60;
export const DAY_END = 18 * 60;
export const LUNCH = { start: 12 * 60 + 30, end: 13 * 60 + 30 };

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 07:00 on the bench's today, in the clinic's zone: the clock of the scheduling benchmarks. */
export function benchNow(): number {
  const at = localToInstant(BENCH_ZONE, { date: BENCH_TODAY, time: '07:00' });
  if (!at.ok) throw new Error(at.message);
  return at.instant;
}

/** The instant of a local wall-clock time on a date (the bench's hours never meet a DST change). */
export function wallInstant(date: string, minutes: number): number {
  const at = localToInstant(BENCH_ZONE, { date, time: hhmm(minutes) });
  if (!at.ok) throw new Error(at.message);
  return at.instant;
}

export const TYPES = [
  { name: 'Short consultation', durationMinutes: 15, colour: '#2a9d8f', defaultPriceMinor: 3500, weight: 2 },
  { name: 'Consultation', durationMinutes: 30, colour: '#22aa55', defaultPriceMinor: 6500, weight: 5 },
  { name: 'Long consultation', durationMinutes: 45, colour: '#e9c46a', defaultPriceMinor: 9000, weight: 2 },
  { name: 'Procedure', durationMinutes: 60, colour: '#e76f51', defaultPriceMinor: 15000, weight: 1 },
] as const;

export interface SchedulingSeed {
  locationId: string;
  providerIds: string[];
  typeIds: string[];
  appointments: number;
  firstDate: string;
  lastDate: string;
}

async function must<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.invoke('bench', name, input);
  if (!result.ok) throw new Error(`${name} failed while building the bench data: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The clinic's scheduling set-up, through the procedures (the caller is signed in as an administrator). */
export async function configureScheduling(core: Core): Promise<Omit<SchedulingSeed, 'appointments' | 'firstDate' | 'lastDate'>> {
  await must(core, 'settings.update', { timeZone: BENCH_ZONE });
  const location = await must<{ id: string }>(core, 'schedule.createLocation', { name: 'Bench Main Street', address: '1 Bench Street' });
  const providerIds: string[] = [];
  for (let i = 0; i < PROVIDER_COUNT; i += 1) {
    const colour = `#${((i * 0x2f4b7d + 0x336699) & 0xffffff).toString(16).padStart(6, '0')}`;
    const provider = await must<{ id: string }>(core, 'schedule.createProvider', {
      displayName: `Dr Bench ${String(i + 1).padStart(2, '0')}`,
      colour,
      defaultLocationId: location.id,
      specialty: i % 4 === 0 ? 'Paediatrics' : null,
    });
    providerIds.push(provider.id);
  }
  const typeIds: string[] = [];
  for (const type of TYPES) {
    const created = await must<{ id: string }>(core, 'schedule.createType', {
      name: type.name,
      durationMinutes: type.durationMinutes,
      colour: type.colour,
      defaultPriceMinor: type.defaultPriceMinor,
    });
    typeIds.push(created.id);
  }
  for (const providerId of providerIds) {
    for (const weekday of [1, 2, 3, 4, 5]) {
      await must(core, 'schedule.createTemplate', {
        providerId,
        locationId: location.id,
        weekday,
        start: hhmm(DAY_START),
        end: hhmm(DAY_END),
        breaks: [{ start: hhmm(LUNCH.start), end: hhmm(LUNCH.end) }],
      });
    }
  }
  return { locationId: location.id, providerIds, typeIds };
}

const CANCEL_REASONS = ['Patient called to cancel', 'Feeling better', 'Clash with work', 'Provider unavailable'];

/**
 * `count` appointments, written from the last bookable date backwards (each date's 20 provider
 * columns walked from 08:00, a slot filled with a probability that falls off in the future) until
 * the count is reached. Deterministic from (patients, seed).
 */
export function seedAppointments(
  handle: BetterSqlite3.Database,
  config: Omit<SchedulingSeed, 'appointments' | 'firstDate' | 'lastDate'>,
  count: number,
  seed: number,
): SchedulingSeed {
  const lastDate = addDays(BENCH_TODAY, FUTURE_DAYS);
  if (count === 0) return { ...config, appointments: 0, firstDate: lastDate, lastDate };
  const admin = handle.prepare('SELECT id, username FROM users WHERE username = ?').get(BENCH_USERNAME) as { id: string; username: string };
  const patients = handle.prepare('SELECT id FROM patients WHERE deleted_at IS NULL ORDER BY rowid').pluck().all() as string[];
  if (patients.length === 0) throw new Error('seed patients before appointments');
  const insert = handle.prepare(`
    INSERT INTO appointments (id, patient_id, provider_id, location_id, room_id, type_id, start_at, end_at, reason, notes, status,
      cancel_reason, cancelled_by, cancelled_at, rescheduled_from_id, meeting_link, override_reason, overridden_by, created_by,
      created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, NULL)`);
  const history = handle.prepare(`
    INSERT INTO appointment_history (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const random = makeRandom(seed ^ 0xa990);
  const int = (n: number) => Math.floor(random() * n);
  const totalWeight = TYPES.reduce((sum, t) => sum + t.weight, 0);
  const pickType = (): number => {
    let r = random() * totalWeight;
    for (let i = 0; i < TYPES.length; i += 1) {
      r -= TYPES[i]?.weight ?? 0;
      if (r < 0) return i;
    }
    return 0;
  };
  const reasons = [null, null, null, 'Follow-up', 'Check-up', 'Blood results', 'Repeat prescription', 'Back pain', 'Vaccination'];

  let written = 0;
  let date = lastDate;
  const write = (rows: Row[]) => {
    for (const row of rows) {
      insert.run(
        row.id, row.patientId, row.providerId, config.locationId, row.typeId, row.start, row.end, row.reason, row.status,
        row.cancelReason, row.cancelledAt === null ? null : admin.id, row.cancelledAt, admin.id, row.createdAt, row.updatedAt,
      );
      history.run(
        uuidv7({ msecs: row.createdAt }), row.id, row.createdAt, admin.id, admin.username, 'booked',
        JSON.stringify({ patientId: row.patientId, providerId: row.providerId, locationId: config.locationId, roomId: null, typeId: row.typeId, start: row.start, end: row.end }),
        row.createdAt, row.createdAt,
      );
      if (row.cancelledAt !== null) {
        history.run(
          uuidv7({ msecs: row.cancelledAt }), row.id, row.cancelledAt, admin.id, admin.username, 'cancelled',
          JSON.stringify({
            status: { from: 'booked', to: 'cancelled' },
            cancel_reason: { from: null, to: row.cancelReason },
            cancelled_by: { from: null, to: admin.id },
            cancelled_at: { from: null, to: row.cancelledAt },
          }),
          row.cancelledAt, row.cancelledAt,
        );
      }
    }
  };
  const writeBatch = handle.transaction(write);
  let batch: Row[] = [];
  const todayStart = wallInstant(BENCH_TODAY, 0);

  while (written < count) {
    const weekday = isoWeekday(date);
    if (weekday <= 5) {
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
        for (const block of [{ start: DAY_START, end: LUNCH.start }, { start: LUNCH.end, end: DAY_END }]) {
          let cursor = block.start;
          while (written < count) {
            const t = pickType();
            const type = TYPES[t] ?? TYPES[0];
            if (cursor + type.durationMinutes > block.end) break;
            const start = base + (cursor - DAY_START) * MINUTE_MS;
            const end = start + type.durationMinutes * MINUTE_MS;
            cursor += type.durationMinutes;
            if (random() >= fill) continue;
            const make = (status: Row['status']): Row | null => {
              const p = patientFor(start, end);
              if (p === null) return null;
              const createdAt = start - (1 + int(30 * 24 * 60)) * MINUTE_MS;
              const cancelledAt = status === 'cancelled' ? createdAt + Math.floor(random() * (start - createdAt)) : null;
              const updatedAt = cancelledAt ?? (status === 'completed' || status === 'no_show' ? end : createdAt);
              return {
                id: uuidv7({ msecs: createdAt }),
                patientId: patients[p] ?? '',
                providerId,
                typeId: config.typeIds[t] ?? '',
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
    if (written < count) date = addDays(date, -1);
  }
  writeBatch(batch);
  return { ...config, appointments: written, firstDate: date, lastDate };
}

interface Row {
  id: string;
  patientId: string;
  providerId: string;
  typeId: string;
  start: number;
  end: number;
  reason: string | null;
  status: 'booked' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
  cancelReason: string | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
}
