import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import { PART_OF_DAY_MINUTES, nextAvailable } from '../../src-main/core/scheduling/calendar';
import { addDays, localParts } from '../../src-shared/scheduling/time';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

/**
 * next-available against a brute-force oracle on random schedules (fast-check).
 *
 * Each run gets its own two locations, providers and patient, so runs share one database without
 * touching each other (clinic-wide holidays, the one thing shared, are remembered for the oracle).
 * Half the runs fall in the weeks of New York's DST changes. The schedule (templates with breaks, time off, extra hours,
 * holidays, bookings including the patient's own with another provider, cancellations) is made
 * through the procedures; the oracle never uses the code under test: it walks the week in 5-minute
 * steps, reads the wall clock with Intl.DateTimeFormat, and decides availability minute by minute
 * from the raw rules. The clinic is in America/New_York and the weeks run across both 2026 DST
 * changes; times span the whole day so that 01:00-03:00 rules meet the skipped and repeated hours.
 */

/**
 * Runs per `npm test` (about 60 ms each). Seeded faults (clinic-wide holidays ignored; a wall-clock
 * range not clipped to its offset's stretch, which only shows across DST) failed this property in
 * every trial at 60 runs; a booking that starts exactly when a slot ends is rarer here and is pinned
 * by scheduling-rules.test.ts. Raise RUNS when changing this code (300 runs take about 17 s).
 */
const RUNS = 60;
const ZONE = 'America/New_York';
const FIRST_MONDAY = '2026-01-05';
const STEP = 5 * 60_000;
const DST_WEEKS = [8, 42];
/** Clinic-wide holidays made by any run so far: they apply to every later run too. */
const clinicHolidays = new Set<string>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

interface Range {
  start: number;
  end: number;
}
interface TemplateGen {
  provider: number;
  location: number;
  weekday: number;
  points: number[];
}
interface ExceptionGen {
  provider: number;
  kind: 'time_off' | 'extra_hours';
  /** -1: every location (time off only). */
  location: number;
  day: number;
  days: number;
  range: Range | null;
}
interface AppointmentGen {
  /** 0..providers-1 in the searched set; -1 the other provider. */
  provider: number;
  forPatient: boolean;
  startStep: number;
  minutes: number;
  cancel: boolean;
}
interface QueryGen {
  fromDay: number;
  toDay: number;
  duration: number;
  step: number;
  partOfDay: 'any' | 'morning' | 'afternoon' | 'evening';
  withPatient: boolean;
  anyProvider: boolean;
  limit: number;
  nowStep: number;
}
interface Schedule {
  /** Weeks after FIRST_MONDAY; 8 and 42 hold New York's spring and autumn changes. */
  week: number;
  providers: number;
  templates: TemplateGen[];
  exceptions: ExceptionGen[];
  holidays: { day: number; location: number }[];
  appointments: AppointmentGen[];
  query: QueryGen;
}

const minutes5 = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((x) => x * 5);
/** Any 5 minutes of the day, or (as often) a whole hour as real rotas have. */
const clockTime = fc.oneof(
  minutes5(0, 1440),
  fc.integer({ min: 0, max: 24 }).map((hour) => hour * 60),
);
const range = fc
  .tuple(minutes5(0, 1435), minutes5(5, 600))
  .map(([start, length]): Range => ({ start, end: Math.min(1440, start + length) }));

const schedule: fc.Arbitrary<Schedule> = fc.integer({ min: 1, max: 3 }).chain((providers) =>
  fc.record({
    week: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...DST_WEEKS) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 51 }) },
    ),
    providers: fc.constant(providers),
    templates: fc.array(
      fc.record({
        provider: fc.integer({ min: 0, max: providers - 1 }),
        location: fc.integer({ min: 0, max: 1 }),
        weekday: fc.integer({ min: 1, max: 7 }),
        points: fc.uniqueArray(clockTime, { minLength: 2, maxLength: 6 }).map((p) => p.sort((a, b) => a - b)),
      }),
      { minLength: 2, maxLength: 14 },
    ),
    exceptions: fc.array(
      fc.oneof(
        fc.record({
          provider: fc.integer({ min: 0, max: providers - 1 }),
          kind: fc.constant('time_off' as const),
          location: fc.integer({ min: -1, max: 1 }),
          day: fc.integer({ min: 0, max: 6 }),
          days: fc.integer({ min: 0, max: 2 }),
          range: fc.option(range, { nil: null }),
        }),
        fc.record({
          provider: fc.integer({ min: 0, max: providers - 1 }),
          kind: fc.constant('extra_hours' as const),
          location: fc.integer({ min: 0, max: 1 }),
          day: fc.integer({ min: 0, max: 6 }),
          days: fc.integer({ min: 0, max: 1 }),
          range: range,
        }),
      ),
      { maxLength: 5 },
    ),
    holidays: fc.uniqueArray(
      fc.record({ day: fc.integer({ min: 0, max: 6 }), location: fc.integer({ min: -1, max: 1 }) }),
      {
        maxLength: 2,
        selector: (h) => `${h.day}|${h.location}`,
      },
    ),
    appointments: fc.array(
      fc.record({
        provider: fc.integer({ min: -1, max: providers - 1 }),
        forPatient: fc.boolean(),
        // Half on the hour, where slots start too: a booking that ends as a slot starts is the edge to get right.
        startStep: fc.oneof(
          fc.integer({ min: 0, max: (8 * 24 * 60) / 5 }),
          fc.integer({ min: 0, max: 8 * 24 }).map((hour) => hour * 12),
        ),
        minutes: minutes5(5, 180),
        cancel: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    query: fc
      .record({
        fromDay: fc.integer({ min: 0, max: 6 }),
        toDay: fc.integer({ min: 0, max: 6 }),
        duration: fc.oneof(minutes5(5, 120), fc.constantFrom(15, 30, 60)),
        step: fc.constantFrom(5, 10, 15, 20, 30, 60),
        partOfDay: fc.constantFrom('any' as const, 'morning' as const, 'afternoon' as const, 'evening' as const),
        withPatient: fc.boolean(),
        anyProvider: fc.boolean(),
        limit: fc.integer({ min: 1, max: 25 }),
        nowStep: fc.oneof(
          { weight: 2, arbitrary: fc.constant(-288) },
          { weight: 3, arbitrary: fc.integer({ min: -288, max: 8 * 288 }) },
        ),
      })
      .map((q) => ({ ...q, fromDay: Math.min(q.fromDay, q.toDay), toDay: Math.max(q.fromDay, q.toDay) })),
  }),
);

// ---- the oracle: no code under test ------------------------------------------------------------

const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

function wall(t: number): { date: string; minutes: number; weekday: number } {
  const parts = Object.fromEntries(wallFormat.formatToParts(t).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

const within = (m: number, r: Range) => r.start <= m && m < r.end;

interface OracleInput {
  schedule: Schedule;
  monday: string;
  providerIds: string[];
  locationIds: string[];
  locationNames: string[];
  /** Searched providers in rank order (indexes into providerIds). */
  rank: number[];
  busy: { provider: number; patient: boolean; start: number; end: number }[];
  now: number;
}

function oracle(input: OracleInput): { providerId: string; locationId: string; start: number }[] {
  const { schedule: s, monday } = input;
  const q = s.query;
  const from = addDays(monday, q.fromDay);
  const to = addDays(monday, q.toDay);
  const dayOf = (date: string) =>
    Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000);
  const grid: { t: number; w: ReturnType<typeof wall> }[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000;
    t < Date.parse(`${to}T00:00:00Z`) + 36 * 3_600_000;
    t += STEP
  ) {
    const w = wall(t);
    if (w.date >= from && w.date <= to) grid.push({ t, w });
  }
  const available = (p: number, l: number, w: ReturnType<typeof wall>): boolean => {
    const d = dayOf(w.date);
    const base = s.templates.some((tpl) => {
      if (tpl.provider !== p || tpl.location !== l || tpl.weekday !== w.weekday) return false;
      const start = tpl.points[0] ?? 0;
      const end = tpl.points.at(-1) ?? 0;
      if (!within(w.minutes, { start, end })) return false;
      for (let i = 1; i + 1 <= tpl.points.length - 2; i += 2) {
        if (within(w.minutes, { start: tpl.points[i] ?? 0, end: tpl.points[i + 1] ?? 0 })) return false;
      }
      return true;
    });
    const holiday = clinicHolidays.has(w.date) || s.holidays.some((h) => h.day === d && h.location === l);
    const covers = (e: ExceptionGen) => e.provider === p && e.day <= d && d <= e.day + e.days;
    const extra = s.exceptions.some(
      (e) =>
        e.kind === 'extra_hours' && covers(e) && e.location === l && e.range !== null && within(w.minutes, e.range),
    );
    const off = s.exceptions.some(
      (e) =>
        e.kind === 'time_off' &&
        covers(e) &&
        (e.location === -1 || e.location === l) &&
        (e.range === null || within(w.minutes, e.range)),
    );
    return ((base && !holiday) || extra) && !off;
  };
  const window = q.partOfDay === 'any' ? null : PART_OF_DAY_MINUTES[q.partOfDay];
  const found: { providerId: string; locationId: string; start: number; rank: number; location: string }[] = [];
  for (const [rank, p] of input.rank.entries()) {
    for (const l of [0, 1]) {
      let anchor: number | null = null;
      const flags = grid.map((g) => available(p, l, g.w));
      for (let i = 0; i < grid.length; i += 1) {
        const g = grid[i];
        if (!g) continue;
        const previous = grid[i - 1];
        const continues =
          previous !== undefined && flags[i - 1] === true && previous.t + STEP === g.t && previous.w.date === g.w.date;
        if (!flags[i]) {
          anchor = null;
          continue;
        }
        if (!continues) anchor = g.t;
        if (anchor === null || (g.t - anchor) % (q.step * 60_000) !== 0 || g.t < input.now) continue;
        if (window && !(window[0] <= g.w.minutes && g.w.minutes < window[1])) continue;
        const end = g.t + q.duration * 60_000;
        let fits = true;
        for (let j = i; grid[j] !== undefined && (grid[j]?.t ?? 0) < end; j += 1) {
          const h = grid[j];
          if (!flags[j] || !h || h.w.date !== g.w.date || h.t !== g.t + (j - i) * STEP) fits = false;
        }
        const last = grid[i + q.duration / 5 - 1];
        if (!last || last.t !== end - STEP) fits = false;
        if (!fits) continue;
        const clash = input.busy.some(
          (b) => (b.provider === p || (q.withPatient && b.patient)) && b.start < end && b.end > g.t,
        );
        if (clash) continue;
        found.push({
          providerId: input.providerIds[p] ?? '',
          locationId: input.locationIds[l] ?? '',
          start: g.t,
          rank,
          location: input.locationNames[l] ?? '',
        });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || a.rank - b.rank || a.location.localeCompare(b.location));
  return found.slice(0, q.limit).map(({ providerId, locationId, start }) => ({ providerId, locationId, start }));
}

// ---- the property ------------------------------------------------------------------------------

let s: SchedulingClinic;
let run = 0;
beforeAll(async () => {
  s = await openSchedulingClinic({ timeZone: ZONE, now: Date.UTC(2025, 11, 1), weekdays: [] });
});
afterAll(async () => {
  await s.clinic.close();
});

async function makeRun(gen: Schedule): Promise<OracleInput & { typeId: string; patientId: string }> {
  const { clinic } = s;
  run += 1;
  const monday = addDays(FIRST_MONDAY, 7 * gen.week);
  const locations = [
    await clinic.ok('admin', 'schedule.createLocation', { name: `Run ${run} A` }),
    await clinic.ok('admin', 'schedule.createLocation', { name: `Run ${run} B` }),
  ];
  const providers = [];
  for (let i = 0; i < gen.providers; i += 1) {
    providers.push(
      await clinic.ok('admin', 'schedule.createProvider', {
        displayName: `R${run} Dr ${String.fromCharCode(90 - i)}`,
        colour: '#123456',
      }),
    );
  }
  const other = await clinic.ok('admin', 'schedule.createProvider', {
    displayName: `R${run} Other`,
    colour: '#654321',
  });
  const type = await clinic.ok('admin', 'schedule.createType', {
    name: `Run ${run}`,
    durationMinutes: gen.query.duration,
    colour: '#abcdef',
    providerIds: providers.map((p) => p.id),
  });
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  for (const t of gen.templates) {
    const points = t.points;
    const breaks = [];
    for (let i = 1; i + 1 <= points.length - 2; i += 2)
      breaks.push({ start: hhmm(points[i] ?? 0), end: hhmm(points[i + 1] ?? 0) });
    await clinic.ok('admin', 'schedule.createTemplate', {
      providerId: providers[t.provider]?.id ?? '',
      locationId: locations[t.location]?.id ?? '',
      weekday: t.weekday,
      start: hhmm(points[0] ?? 0),
      end: hhmm(points.at(-1) ?? 0),
      breaks,
      validFrom: monday,
      validUntil: addDays(monday, 6),
    });
  }
  for (const e of gen.exceptions) {
    await clinic.ok('admin', 'schedule.createException', {
      providerId: providers[e.provider]?.id ?? '',
      kind: e.kind,
      locationId: e.location === -1 ? null : (locations[e.location]?.id ?? null),
      date: addDays(monday, e.day),
      endDate: addDays(monday, e.day + e.days),
      ...(e.range && { start: hhmm(e.range.start), end: hhmm(e.range.end) }),
    });
  }
  for (const h of gen.holidays) {
    const date = addDays(monday, h.day);
    if (h.location === -1 && clinicHolidays.has(date)) continue;
    await clinic.ok('admin', 'schedule.createHoliday', {
      date,
      name: 'Holiday',
      locationId: h.location === -1 ? null : (locations[h.location]?.id ?? null),
    });
    if (h.location === -1) clinicHolidays.add(date);
  }
  // A patient only this run books.
  const patientId = await s.patient(`Run${run}`);
  const others: string[] = [];
  const busy: OracleInput['busy'] = [];
  const weekStart = Date.parse(`${monday}T00:00:00Z`) - 12 * 3_600_000;
  for (const a of gen.appointments) {
    const providerId = a.provider === -1 ? other.id : (providers[a.provider]?.id ?? '');
    if (!a.forPatient) others.push(await s.patient(`Other${run}`));
    const start = weekStart + a.startStep * STEP;
    const local = localParts(ZONE, start);
    const view = await clinic.ok('desk', 'appointments.book', {
      patientId: a.forPatient ? patientId : (others.at(-1) ?? ''),
      providerId,
      typeId: s.consultId,
      locationId: locations[0]?.id,
      start: { date: local.date, time: hhmm(local.minutes), offsetMinutes: local.offsetMinutes },
      durationMinutes: a.minutes,
      override: { reason: 'random schedule' },
    });
    if (a.cancel) await clinic.ok('desk', 'appointments.cancel', { appointmentId: view.id, reason: 'random' });
    else busy.push({ provider: a.provider, patient: a.forPatient, start: view.start, end: view.end });
  }
  // Any provider: the type's providers, by name (Z, Y, X: reversed from creation order).
  const byName = providers
    .map((p, index) => ({ index, name: p.displayName }))
    .sort((x, y) => x.name.localeCompare(y.name));
  return {
    schedule: gen,
    monday,
    providerIds: providers.map((p) => p.id),
    locationIds: locations.map((l) => l.id),
    locationNames: locations.map((l) => l.name),
    rank: gen.query.anyProvider ? byName.map((p) => p.index) : providers.map((_, index) => index),
    busy,
    now: Date.parse(`${monday}T05:00:00Z`) + gen.query.nowStep * STEP,
    typeId: type.id,
    patientId,
  };
}

describe('appointments.nextAvailable', () => {
  it(`matches a brute-force oracle on ${RUNS} random schedules across DST (fast-check)`, async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async (gen) => {
        const made = await makeRun(gen);
        const q = gen.query;
        const input = contract['appointments.nextAvailable'].input.parse({
          typeId: made.typeId,
          providerIds: q.anyProvider ? [] : made.providerIds,
          from: addDays(made.monday, q.fromDay),
          to: addDays(made.monday, q.toDay),
          partOfDay: q.partOfDay,
          ...(q.withPatient && { patientId: made.patientId }),
          limit: q.limit,
          stepMinutes: q.step,
        });
        const got = await nextAvailable(s.clinic.core.database.db, input, made.now);
        const expected = oracle(made);
        expect(got.map(({ providerId, locationId, start }) => ({ providerId, locationId, start }))).toEqual(expected);
        for (const slot of got) {
          expect(slot.end - slot.start).toBe(q.duration * 60_000);
          expect(localParts(ZONE, slot.start)).toMatchObject({ date: slot.date, offsetMinutes: slot.offsetMinutes });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('finds slots at all on a busy generated week (the property is not vacuous)', async () => {
    const made = await makeRun({
      week: 60,
      providers: 2,
      templates: [1, 2, 3].flatMap((weekday) => [
        { provider: 0, location: 0, weekday, points: [540, 720, 780, 1020] },
        { provider: 1, location: 1, weekday, points: [480, 960] },
      ]),
      exceptions: [],
      holidays: [],
      appointments: [],
      query: {
        fromDay: 0,
        toDay: 2,
        duration: 30,
        step: 15,
        partOfDay: 'any',
        withPatient: false,
        anyProvider: true,
        limit: 5,
        nowStep: -288,
      },
    });
    const expected = oracle(made);
    expect(expected).toHaveLength(5);
    const input = contract['appointments.nextAvailable'].input.parse({
      typeId: made.typeId,
      from: made.monday,
      to: addDays(made.monday, 2),
      limit: 5,
    });
    const got = await nextAvailable(s.clinic.core.database.db, input, made.now);
    expect(got.map(({ providerId, locationId, start }) => ({ providerId, locationId, start }))).toEqual(expected);
  });
});
