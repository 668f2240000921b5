import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/app';
import {
  configureScheduling as configureClinic,
  DEFAULT_PROVIDER_COUNT,
  seedAppointments as seedClinicAppointments,
  wallInstantIn,
  type SchedulingConfig,
} from '../../src-main/core/scheduling/seed';
import { localToInstant } from '../../src-shared/scheduling/time';

/**
 * The scheduling half of the bench data: the product's generator (src-main/core/scheduling/seed.ts,
 * the same one `clinic seed` runs) with the bench's fixed today, zone and administrator.
 */

export { DAY_END, DAY_START, FUTURE_DAYS, LUNCH, TYPES } from '../../src-main/core/scheduling/seed';

/** Who books the seeded appointments (the bench's administrator). */
export const BENCH_USERNAME = 'bench';

/** The bench's fixed "today" (a Monday): the data lies around it, and the scheduling benchmarks run with a clock set to it. */
export const BENCH_TODAY = '2026-06-15';
export const BENCH_ZONE = 'Europe/London';
export const PROVIDER_COUNT = DEFAULT_PROVIDER_COUNT;

/** 07:00 on the bench's today, in the clinic's zone: the clock of the scheduling benchmarks. */
export function benchNow(): number {
  const at = localToInstant(BENCH_ZONE, { date: BENCH_TODAY, time: '07:00' });
  if (!at.ok) throw new Error(at.message);
  return at.instant;
}

/** The instant of a local wall-clock time on a date (the bench's hours never meet a DST change). */
export function wallInstant(date: string, minutes: number): number {
  return wallInstantIn(BENCH_ZONE, date, minutes);
}

export interface SchedulingSeed {
  locationId: string;
  providerIds: string[];
  typeIds: string[];
  appointments: number;
  firstDate: string;
  lastDate: string;
}

/** The clinic's scheduling set-up (the clinic was set up in BENCH_ZONE). */
export async function configureScheduling(core: Core): Promise<SchedulingConfig> {
  return configureClinic(core.database.db, { providers: PROVIDER_COUNT, now: Date.now(), names: 'Bench' });
}

/** `count` appointments around BENCH_TODAY, booked by the bench's administrator. Deterministic from (patients, seed). */
export function seedAppointments(
  handle: BetterSqlite3.Database,
  config: SchedulingConfig,
  count: number,
  seed: number,
  onProgress?: (written: number) => void,
): SchedulingSeed {
  const admin = handle.prepare('SELECT id, username FROM users WHERE username = ?').get(BENCH_USERNAME) as {
    id: string;
    username: string;
  };
  const seeded = seedClinicAppointments(handle, config, {
    count,
    seed,
    today: BENCH_TODAY,
    zone: BENCH_ZONE,
    actor: { userId: admin.id, username: admin.username },
    ...(onProgress && { onProgress }),
  });
  return {
    locationId: config.locationId,
    providerIds: config.providerIds,
    typeIds: config.types.map((t) => t.id),
    ...seeded,
  };
}
