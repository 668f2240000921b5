import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey, pageCacheKibFor } from '../../src-main/core/db/open';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentView, DaySchedule } from '../../src-shared/scheduling/model';
import { BLOCKING_STATUSES } from '../../src-shared/scheduling/status';
import { addDays, daysBetween, isoWeekday, localDayBounds, MINUTE_MS } from '../../src-shared/scheduling/time';
import { createCore, type Core } from '../../src-main/core/app';
import { makeRandom } from '../../src-main/core/patients/seed';
import { BENCH_CLIENT, BENCH_KEY, BENCH_USER, type Dataset, dropCaptureTriggers, invokeAsBench } from './dataset';
import { BENCH_TODAY, BENCH_ZONE, benchNow, DAY_END, DAY_START, LUNCH, wallInstant } from './scheduling-data';

/**
 * The scheduling benchmarks: the day view and booking, ours (core.invoke on the encrypted file, with
 * the clock at the bench's "today") against the floor (hand-written SQL, raw handle, unencrypted copy,
 * statements prepared once).
 */

const DAY_MS = 24 * 60 * MINUTE_MS;
const BLOCKING = BLOCKING_STATUSES.map((s) => `'${s}'`).join(', ');

/** Our core on `file`, signed in as the bench's administrator, its clock at 07:00 on the bench's today. */
export async function openScheduler(file: string): Promise<Core> {
  const now = benchNow();
  const core = await createCore({ file, key: BENCH_KEY, clock: () => now });
  const login = await core.invoke(BENCH_CLIENT, 'auth.login', {
    username: BENCH_USER.username,
    password: BENCH_USER.password,
  });
  if (!login.ok) throw new Error(`auth.login failed: ${login.error.message}`);
  return core;
}

// ---- appointments.day --------------------------------------------------------------------------

/** Weekdays from the data's first full month up to a week after today, sampled deterministically: every one is a busy day. */
export function busyDates(dataset: Dataset, count: number, seed: number): string[] {
  const first = addDays(dataset.scheduling.firstDate, 1);
  const last = addDays(BENCH_TODAY, 7);
  const span = Math.max(0, daysBetween(first, last));
  const random = makeRandom(seed ^ 0xda7e);
  const dates = new Set<string>([BENCH_TODAY]);
  for (let attempt = 0; dates.size < count && attempt < count * 20; attempt += 1) {
    const date = addDays(first, Math.floor(random() * (span + 1)));
    if (isoWeekday(date) <= 5) dates.add(date);
  }
  return [...dates];
}

export async function dayOurs(core: Core, providerIds: readonly string[], date: string): Promise<string[]> {
  const day = await invokeAsBench<DaySchedule>(core, 'appointments.day', { date, providerIds });
  return day.providers.flatMap((column) => column.appointments.map((a) => a.id));
}

export interface FloorAppointment {
  id: string;
  provider_id: string;
  start_at: number;
  end_at: number;
  status: string;
  first_name: string;
  last_name: string;
  mrn: string;
  type_name: string;
}

/** The day view's appointments in hand-written SQL: the local day's UTC range computed once per date. */
export class DayFloor {
  readonly handle: BetterSqlite3.Database;
  readonly #statement: BetterSqlite3.Statement;
  readonly #bounds = new Map<string, { start: number; end: number }>();
  readonly #providerIds: readonly string[];

  constructor(plainFile: string, providerIds: readonly string[], dates: readonly string[]) {
    this.handle = new BetterSqlite3(plainFile, { readonly: true });
    this.handle.pragma(`cache_size = -${pageCacheKibFor(plainFile)}`);
    this.#providerIds = providerIds;
    for (const date of dates) this.#bounds.set(date, localDayBounds(BENCH_ZONE, date));
    this.#statement = this.handle.prepare(`
      SELECT a.id, a.patient_id, a.provider_id, a.location_id, a.room_id, a.type_id, a.start_at, a.end_at, a.reason, a.notes,
        a.status, a.cancel_reason, a.cancelled_by, a.cancelled_at, a.rescheduled_from_id, a.series_id, a.meeting_link,
        a.override_reason, a.created_at, a.updated_at,
        p.first_name, p.middle_name, p.last_name, p.preferred_name, p.mrn, t.name AS type_name, t.colour AS type_colour
      FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN appointment_types t ON t.id = a.type_id
      WHERE a.provider_id IN (${providerIds.map(() => '?').join(', ')})
        AND a.start_at > ? AND a.start_at < ? AND a.end_at > ? AND a.status != 'cancelled' AND a.deleted_at IS NULL
      ORDER BY a.start_at, a.id`);
  }

  close(): void {
    this.handle.close();
  }

  /** The appointments, one column per provider in the order asked, each by start. */
  day(date: string): FloorAppointment[][] {
    const bounds = this.#bounds.get(date);
    if (!bounds) throw new Error(`no bounds for ${date}`);
    const rows = this.#statement.all(
      ...this.#providerIds,
      bounds.start - DAY_MS,
      bounds.end,
      bounds.start,
    ) as FloorAppointment[];
    const columns = new Map<string, FloorAppointment[]>(this.#providerIds.map((id) => [id, []]));
    for (const row of rows) columns.get(row.provider_id)?.push(row);
    return [...columns.values()];
  }
}

// ---- appointments.book -------------------------------------------------------------------------

export interface BookingSlot {
  patientId: string;
  providerId: string;
  typeId: string;
  date: string;
  time: string;
  start: number;
  end: number;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * `count` distinct free 30-minute slots in the weeks after today (inside the providers' hours, clear
 * of their live bookings and of each other), each with a patient who is free then. Both variants
 * book the very same slots, each in its own working copy of the data.
 */
export function freeSlots(dataset: Dataset, count: number, seed: number, durationMinutes = 30): BookingSlot[] {
  const handle = new BetterSqlite3(dataset.plain, { readonly: true });
  try {
    const typeId = handle
      .prepare('SELECT id FROM appointment_types WHERE duration_minutes = ? AND deleted_at IS NULL')
      .pluck()
      .get(durationMinutes) as string;
    const patients = handle
      .prepare('SELECT id FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY rowid')
      .pluck()
      .all() as string[];
    const busy = handle.prepare(`
      SELECT start_at, end_at FROM appointments
      WHERE provider_id = ? AND start_at > ? AND start_at < ? AND end_at > ? AND status IN (${BLOCKING}) AND deleted_at IS NULL`);
    const patientBusy = handle.prepare(`
      SELECT 1 FROM appointments
      WHERE patient_id = ? AND start_at > ? AND start_at < ? AND end_at > ? AND status IN (${BLOCKING}) AND deleted_at IS NULL LIMIT 1`);
    const random = makeRandom(seed ^ 0xb00c);
    const slots: BookingSlot[] = [];
    const usedPatients = new Set<string>();
    const duration = durationMinutes * MINUTE_MS;
    for (let offset = 1; offset <= 91 && slots.length < count; offset += 1) {
      const date = addDays(BENCH_TODAY, offset);
      if (isoWeekday(date) > 5) continue;
      const bounds = localDayBounds(BENCH_ZONE, date);
      for (const providerId of dataset.scheduling.providerIds) {
        const taken = (
          busy.all(providerId, bounds.start - DAY_MS, bounds.end, bounds.start) as {
            start_at: number;
            end_at: number;
          }[]
        ).map((r) => ({ ...r }));
        for (const block of [
          { start: DAY_START, end: LUNCH.start },
          { start: LUNCH.end, end: DAY_END },
        ]) {
          for (let minute = block.start; minute + durationMinutes <= block.end && slots.length < count; minute += 15) {
            const start = wallInstant(date, minute);
            const end = start + duration;
            if (taken.some((t) => t.start_at < end && start < t.end_at)) continue;
            let patientId: string | undefined;
            for (let attempt = 0; attempt < 20 && !patientId; attempt += 1) {
              const candidate = patients[Math.floor(random() * patients.length)];
              if (!candidate || usedPatients.has(candidate)) continue;
              if (patientBusy.get(candidate, start - DAY_MS, end, start) === undefined) patientId = candidate;
            }
            if (!patientId) continue;
            usedPatients.add(patientId);
            taken.push({ start_at: start, end_at: end });
            slots.push({ patientId, providerId, typeId, date, time: hhmm(minute), start, end });
          }
        }
      }
    }
    if (slots.length < count) throw new Error(`only ${slots.length} free slots found, ${count} wanted`);
    return slots;
  } finally {
    handle.close();
  }
}

/** Working copies of both files for a benchmark that writes: the cached data never drifts. */
export function workingCopies(dataset: Dataset, name: string): { encrypted: string; plain: string; remove(): void } {
  const dir = join(dataset.dir, `work-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const encrypted = join(dir, 'clinic.db');
  const plain = join(dir, 'plain.db');
  copyWithLog(dataset.encrypted, encrypted);
  copyWithLog(dataset.plain, plain);
  return { encrypted, plain, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function copyWithLog(from: string, to: string): void {
  copyFileSync(from, to);
  for (const suffix of ['-wal', '-shm']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
}

/**
 * The floor's own database encrypted as ours is (SQLCipher 4: AES-256 and an HMAC on every page, the
 * bench's key), beside a plain copy of it: a copy of the clinic with the sync capture triggers dropped,
 * which is what the plain floor's copy is before its key is taken off (exportPlain). Timing the same
 * hand-written SQL on both tells how much of a write's ratio is the encryption the floor does not pay.
 */
export function floorCopies(dataset: Dataset, name: string): { encrypted: string; plain: string; remove(): void } {
  const copies = workingCopies(dataset, name);
  const handle = new BetterSqlite3(copies.encrypted);
  try {
    applyKey(handle, BENCH_KEY);
    dropCaptureTriggers(handle);
  } finally {
    handle.close();
  }
  // The row means nothing if this copy were readable without the key.
  const unkeyed = new BetterSqlite3(copies.encrypted, { readonly: true });
  try {
    unkeyed.prepare('SELECT count(*) FROM sqlite_master').get();
    throw new Error(`floorCopies: ${copies.encrypted} opens without the key`);
  } catch (error) {
    if (!/not a database/i.test(String(error))) throw error;
  } finally {
    unkeyed.close();
  }
  return copies;
}

/** A floor's connection: WAL with synchronous = FULL and the page cache ours sizes by the file; keyed when given a key. */
export function floorHandle(file: string, key?: Buffer): BetterSqlite3.Database {
  const handle = new BetterSqlite3(file);
  if (key) applyKey(handle, key);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma(`cache_size = -${pageCacheKibFor(file)}`);
  return handle;
}

export async function bookOurs(core: Core, slot: BookingSlot): Promise<AppointmentView> {
  return invokeAsBench<AppointmentView>(core, 'appointments.book', {
    patientId: slot.patientId,
    providerId: slot.providerId,
    typeId: slot.typeId,
    start: { date: slot.date, time: slot.time },
  });
}

/**
 * Booking in hand-written SQL, inside BEGIN IMMEDIATE as the router does: the patient and type
 * lookups, the provider's and the patient's overlap checks, the provider's template for the weekday
 * (hours and breaks checked in plain code), then the appointment and its 'booked' history entry.
 * The handle is put in WAL with synchronous = FULL, as ours is.
 */
export class BookFloor {
  readonly handle: BetterSqlite3.Database;
  readonly #userId: string;
  readonly #patient: BetterSqlite3.Statement;
  readonly #type: BetterSqlite3.Statement;
  readonly #providerOverlap: BetterSqlite3.Statement;
  readonly #patientOverlap: BetterSqlite3.Statement;
  readonly #templates: BetterSqlite3.Statement;
  readonly #insert: BetterSqlite3.Statement;
  readonly #history: BetterSqlite3.Statement;
  readonly #book: (slot: BookingSlot, now: number) => string;

  constructor(file: string, key?: Buffer) {
    this.handle = floorHandle(file, key);
    this.#userId = this.handle
      .prepare('SELECT id FROM users WHERE username = ?')
      .pluck()
      .get(BENCH_USER.username) as string;
    this.#patient = this.handle.prepare('SELECT id, merged_into_id, deleted_at FROM patients WHERE id = ?');
    this.#type = this.handle.prepare(
      'SELECT id, duration_minutes FROM appointment_types WHERE id = ? AND deleted_at IS NULL',
    );
    const overlap = (column: string) =>
      this.handle.prepare(`
        SELECT id FROM appointments WHERE ${column} = ? AND start_at > ? AND start_at < ? AND end_at > ?
          AND status IN (${BLOCKING}) AND deleted_at IS NULL ORDER BY start_at LIMIT 1`);
    this.#providerOverlap = overlap('provider_id');
    this.#patientOverlap = overlap('patient_id');
    this.#templates = this.handle.prepare(`
      SELECT location_id, start_time, end_time, breaks FROM availability_templates
      WHERE provider_id = ? AND weekday = ? AND deleted_at IS NULL
        AND (valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until >= ?)`);
    this.#insert = this.handle.prepare(`
      INSERT INTO appointments (id, patient_id, provider_id, location_id, room_id, type_id, start_at, end_at, reason, notes, status,
        cancel_reason, cancelled_by, cancelled_at, rescheduled_from_id, meeting_link, override_reason, overridden_by, created_by,
        created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, 'booked', NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, NULL)`);
    this.#history = this.handle.prepare(`
      INSERT INTO appointment_history (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'booked', ?, NULL, ?, ?)`);
    const transaction = this.handle.transaction((slot: BookingSlot, now: number) => this.#bookInside(slot, now));
    this.#book = (slot, now) => transaction.immediate(slot, now);
  }

  close(): void {
    this.handle.close();
  }

  book(slot: BookingSlot, now: number): string {
    return this.#book(slot, now);
  }

  #bookInside(slot: BookingSlot, now: number): string {
    const patient = this.#patient.get(slot.patientId) as
      { merged_into_id: string | null; deleted_at: number | null } | undefined;
    if (!patient || patient.deleted_at !== null || patient.merged_into_id !== null) throw new Error('no such patient');
    const type = this.#type.get(slot.typeId) as { duration_minutes: number } | undefined;
    if (!type) throw new Error('no such type');
    const start = slot.start;
    const end = start + type.duration_minutes * MINUTE_MS;
    if (this.#providerOverlap.get(slot.providerId, start - DAY_MS, end, start)) throw new Error('provider busy');
    if (this.#patientOverlap.get(slot.patientId, start - DAY_MS, end, start)) throw new Error('patient busy');
    const minuteOfDay = Math.round((start - localDayBounds(BENCH_ZONE, slot.date).start) / MINUTE_MS);
    const endMinute = minuteOfDay + type.duration_minutes;
    const templates = this.#templates.all(slot.providerId, isoWeekday(slot.date), slot.date, slot.date) as {
      location_id: string;
      start_time: string;
      end_time: string;
      breaks: string;
    }[];
    const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const template = templates.find(
      (t) =>
        toMinutes(t.start_time) <= minuteOfDay &&
        endMinute <= toMinutes(t.end_time) &&
        !(JSON.parse(t.breaks) as { start: string; end: string }[]).some(
          (b) => toMinutes(b.start) < endMinute && minuteOfDay < toMinutes(b.end),
        ),
    );
    if (!template) throw new Error('outside hours');
    const id = uuidv7({ msecs: now });
    this.#insert.run(
      id,
      slot.patientId,
      slot.providerId,
      template.location_id,
      slot.typeId,
      start,
      end,
      this.#userId,
      now,
      now,
    );
    this.#history.run(
      uuidv7({ msecs: now }),
      id,
      now,
      this.#userId,
      BENCH_USER.username,
      JSON.stringify({
        patientId: slot.patientId,
        providerId: slot.providerId,
        locationId: template.location_id,
        roomId: null,
        typeId: slot.typeId,
        start,
        end,
      }),
      now,
      now,
    );
    return id;
  }
}

// ---- appointments.nextAvailable ----------------------------------------------------------------

export interface NextQuery {
  typeId: string;
  durationMinutes: number;
  from: string;
  to: string;
}

export const NEXT_LIMIT = 10;
export const NEXT_STEP_MINUTES = 15;
/** 8 weeks: from and to inclusive. */
export const NEXT_SPAN_DAYS = 55;

/** Searches from today and the weekdays after it, each over 8 weeks, cycling through the types. */
export function nextQueries(dataset: Dataset, count: number): NextQuery[] {
  const handle = new BetterSqlite3(dataset.plain, { readonly: true });
  try {
    const types = handle
      .prepare('SELECT id, duration_minutes FROM appointment_types WHERE deleted_at IS NULL ORDER BY name')
      .all() as {
      id: string;
      duration_minutes: number;
    }[];
    const queries: NextQuery[] = [];
    for (let offset = 0; queries.length < count; offset += 1) {
      const from = addDays(BENCH_TODAY, offset % 35);
      if (isoWeekday(from) > 5) continue;
      const type = types[queries.length % types.length];
      if (!type) throw new Error('no appointment types');
      queries.push({
        typeId: type.id,
        durationMinutes: type.duration_minutes,
        from,
        to: addDays(from, NEXT_SPAN_DAYS),
      });
    }
    return queries;
  } finally {
    handle.close();
  }
}

export interface FoundSlot {
  providerId: string;
  start: number;
}

export async function nextOurs(core: Core, providerIds: readonly string[], query: NextQuery): Promise<FoundSlot[]> {
  const slots = await invokeAsBench<{ providerId: string; start: number }[]>(core, 'appointments.nextAvailable', {
    typeId: query.typeId,
    providerIds,
    from: query.from,
    to: query.to,
    limit: NEXT_LIMIT,
    stepMinutes: NEXT_STEP_MINUTES,
  });
  return slots.map((slot) => ({ providerId: slot.providerId, start: slot.start }));
}

/**
 * The floor for next-available: the bookings of the 20 providers over the range in one SQL query,
 * slots computed in plain code from availability precomputed per date (the bench clinic's templates:
 * weekdays 08:00–12:30 and 13:30–18:00, no exceptions, no holidays).
 */
export class NextFloor {
  readonly handle: BetterSqlite3.Database;
  readonly #busy: BetterSqlite3.Statement;
  readonly #providerIds: readonly string[];
  readonly #availability = new Map<string, { start: number; end: number }[]>();
  readonly #now: number;

  constructor(plainFile: string, providerIds: readonly string[], queries: readonly NextQuery[], now: number) {
    this.handle = new BetterSqlite3(plainFile, { readonly: true });
    this.handle.pragma(`cache_size = -${pageCacheKibFor(plainFile)}`);
    this.#providerIds = providerIds;
    this.#now = now;
    for (const query of queries) {
      for (let offset = 0; offset <= NEXT_SPAN_DAYS; offset += 1) {
        const date = addDays(query.from, offset);
        if (this.#availability.has(date)) continue;
        this.#availability.set(
          date,
          isoWeekday(date) > 5
            ? []
            : [
                { start: wallInstant(date, DAY_START), end: wallInstant(date, LUNCH.start) },
                { start: wallInstant(date, LUNCH.end), end: wallInstant(date, DAY_END) },
              ],
        );
      }
    }
    this.#busy = this.handle.prepare(`
      SELECT provider_id, start_at, end_at FROM appointments
      WHERE provider_id IN (${providerIds.map(() => '?').join(', ')}) AND start_at > ? AND start_at < ? AND end_at > ?
        AND status IN (${BLOCKING}) AND deleted_at IS NULL
      ORDER BY start_at`);
  }

  close(): void {
    this.handle.close();
  }

  /** Reads the bookings a stretch of dates at a time, doubling from one day, as ours does. */
  next(query: NextQuery): FoundSlot[] {
    const duration = query.durationMinutes * MINUTE_MS;
    const step = NEXT_STEP_MINUTES * MINUTE_MS;
    const found: FoundSlot[] = [];
    for (let first = 0, size = 1; first <= NEXT_SPAN_DAYS && found.length < NEXT_LIMIT; first += size, size *= 2) {
      const last = Math.min(NEXT_SPAN_DAYS, first + size - 1);
      const from = localDayBounds(BENCH_ZONE, addDays(query.from, first)).start;
      const to = localDayBounds(BENCH_ZONE, addDays(query.from, last)).end;
      if (to <= this.#now) continue;
      const rows = this.#busy.all(...this.#providerIds, from - DAY_MS, to, from) as {
        provider_id: string;
        start_at: number;
        end_at: number;
      }[];
      const busy = new Map<string, { start: number; end: number }[]>(this.#providerIds.map((id) => [id, []]));
      for (const row of rows) {
        const list = busy.get(row.provider_id);
        if (!list) continue;
        const previous = list.at(-1);
        if (previous && row.start_at <= previous.end) previous.end = Math.max(previous.end, row.end_at);
        else list.push({ start: row.start_at, end: row.end_at });
      }
      for (let offset = first; offset <= last && found.length < NEXT_LIMIT; offset += 1) {
        const stretches = this.#availability.get(addDays(query.from, offset)) ?? [];
        const today: (FoundSlot & { rank: number })[] = [];
        this.#providerIds.forEach((providerId, rank) => {
          const taken = busy.get(providerId) ?? [];
          let cursor = 0;
          let count = 0;
          for (const stretch of stretches) {
            let start = stretch.start;
            if (start < this.#now) start += Math.ceil((this.#now - start) / step) * step;
            for (; start + duration <= stretch.end && count < NEXT_LIMIT; start += step) {
              const end = start + duration;
              while (cursor < taken.length && (taken[cursor]?.end ?? Infinity) <= start) cursor += 1;
              const next = taken[cursor];
              if (next && next.start < end) continue;
              today.push({ providerId, start, rank });
              count += 1;
            }
          }
        });
        today.sort((a, b) => a.start - b.start || a.rank - b.rank);
        for (const slot of today.slice(0, NEXT_LIMIT - found.length))
          found.push({ providerId: slot.providerId, start: slot.start });
      }
    }
    return found;
  }
}
