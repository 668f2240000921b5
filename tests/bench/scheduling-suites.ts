import { encryptionShare, logEncryptionSplit } from './encrypted-floor';
import { localDayBounds } from '../../src-shared/scheduling/time';
import { floorIdle, hostIdle, runBenchmark, type Variant } from './harness';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';
import {
  BookFloor,
  bookOurs,
  busyDates,
  DayFloor,
  dayOurs,
  freeSlots,
  NEXT_LIMIT,
  NextFloor,
  nextOurs,
  nextQueries,
  openScheduler,
  workingCopies,
} from './scheduling';
import { Mismatch, stopwatch, type Suite } from './suite';

/** appointments.day: the day view for all 20 providers on busy dates; the peers' calendars beside. */
export const daySuite: Suite = {
  name: 'appointments.day',
  async run({ dataset, rounds, seed, peers, log, appointmentsLabel }) {
    const took = stopwatch();
    const providerIds = dataset.scheduling.providerIds;
    const dates = busyDates(dataset, 60, seed);
    const bounds = new Map(dates.map((date) => [date, localDayBounds(BENCH_ZONE, date)]));
    const core = await openScheduler(dataset.encrypted);
    const floor = new DayFloor(dataset.plain, providerIds, dates);
    try {
      const peerDay: Record<string, (date: string) => Promise<string[]>> = {};
      if (peers.pouchdb) {
        const pouch = peers.pouchdb;
        peerDay.pouchdb = (date) => {
          const b = bounds.get(date) ?? localDayBounds(BENCH_ZONE, date);
          return pouch.day(b.start, b.end, providerIds);
        };
      }
      if (peers.mariadb) {
        const maria = peers.mariadb;
        peerDay.mariadb = (date) => maria.day(date, providerIds);
      }
      let total = 0;
      for (const date of dates) {
        const a = await dayOurs(core, providerIds, date);
        const answers: [string, string[]][] = [
          ['floor', floor.day(date).flatMap((column) => column.map((row) => row.id))],
        ];
        for (const [name, day] of Object.entries(peerDay)) answers.push([name, await day(date)]);
        for (const [name, b] of answers) {
          if (a.join() !== b.join())
            throw new Mismatch(
              `appointments.day: ${name} does not answer like ours on ${date}: ours ${a.length}, ${name} ${b.length} appointments`,
            );
        }
        total += a.length;
      }
      log(
        `appointments.day: ${dates.length} busy dates (${Math.round(total / dates.length)} appointments a day on average); ` +
          `${['the floor', ...Object.keys(peerDay)].join(', ')} answer the same appointments in the same columns and order on every one (checked in ${took()})`,
      );
      const at = (i: number) => dates[i % dates.length] ?? BENCH_TODAY;
      // PouchDB answers a day in hundreds of ms: sampled on every 5th date, interleaved all the same.
      const peerVariants: Record<string, Variant> = Object.fromEntries(
        Object.entries(peerDay).map(([name, day]) => [
          name,
          { run: (i: number) => day(at(i)), ...(name === 'pouchdb' ? { every: 5 } : {}) },
        ]),
      );
      const results = await runBenchmark(
        {
          name: 'appointments.day (20 providers)',
          dataset: appointmentsLabel,
          unit: 'ms',
          ours: { run: (i) => dayOurs(core, providerIds, at(i)) },
          floor: { run: (i) => floor.day(at(i)) },
          peers: peerVariants,
          iterations: Math.max(dates.length, 100),
          goals: { p95Ms: 5, ratioP95: 1.3 },
        },
        rounds,
        20,
      );
      log(`appointments.day: measured in ${took()}`);
      return results;
    } finally {
      floor.close();
      await core.close();
    }
  },
};

/** appointments.nextAvailable: 20 providers over 8 weeks, from today and the weeks after, every type. */
export const nextAvailableSuite: Suite = {
  name: 'appointments.nextAvailable',
  async run({ dataset, rounds, log, appointmentsLabel }) {
    const took = stopwatch();
    const providerIds = dataset.scheduling.providerIds;
    const queries = nextQueries(dataset, 100);
    const core = await openScheduler(dataset.encrypted);
    const floor = new NextFloor(dataset.plain, providerIds, queries, benchNow());
    try {
      for (const query of queries) {
        const a = await nextOurs(core, providerIds, query);
        const b = floor.next(query);
        if (JSON.stringify(a) !== JSON.stringify(b) || a.length !== NEXT_LIMIT) {
          throw new Mismatch(
            `appointments.nextAvailable: the floor does not answer like ours from ${query.from}: ours ${JSON.stringify(a.slice(0, 3))}, floor ${JSON.stringify(b.slice(0, 3))}`,
          );
        }
      }
      log(
        `appointments.nextAvailable: ${queries.length} searches, the floor finds the same first ${NEXT_LIMIT} slots as ours for each (checked in ${took()})`,
      );
      const at = (i: number) => queries[i % queries.length] ?? queries[0];
      const results = await runBenchmark(
        {
          name: 'appointments.nextAvailable (20 providers x 8 weeks)',
          dataset: appointmentsLabel,
          unit: 'ms',
          ours: {
            run: (i) => {
              const q = at(i);
              return q ? nextOurs(core, providerIds, q) : [];
            },
          },
          floor: {
            run: (i) => {
              const q = at(i);
              return q ? floor.next(q) : [];
            },
          },
          iterations: queries.length,
          goals: { p95Ms: 20 },
        },
        rounds,
        20,
      );
      log(`appointments.nextAvailable: measured in ${took()}`);
      return results;
    } finally {
      floor.close();
      await core.close();
    }
  },
};

/** appointments.book: distinct free slots, the same ones for both, each in its own working copy. */
export const bookSuite: Suite = {
  name: 'appointments.book',
  async run({ dataset, rounds, seed, log, appointmentsLabel }) {
    const took = stopwatch();
    const iterations = 100;
    const warmup = 20;
    const slots = freeSlots(dataset, warmup + rounds * iterations, seed);
    const copies = workingCopies(dataset, 'book');
    log(`appointments.book: ${slots.length} free slots found and working copies made in ${took()}`);
    const core = await openScheduler(copies.encrypted);
    const floor = new BookFloor(copies.plain);
    try {
      let oursNext = 0;
      let floorNext = 0;
      const slot = (n: number) => {
        const found = slots[n];
        if (!found) throw new Error('out of free slots');
        return found;
      };
      // Equivalence first: the first slot booked both ways lands as the same row.
      const first = await bookOurs(core, slot(oursNext++));
      floor.book(slot(floorNext++), first.createdAt);
      const row = floor.handle
        .prepare(
          'SELECT provider_id, patient_id, location_id, type_id, start_at, end_at, status FROM appointments WHERE patient_id = ? AND start_at = ?',
        )
        .get(first.patientId, first.start) as Record<string, unknown> | undefined;
      const expected = {
        provider_id: first.providerId,
        patient_id: first.patientId,
        location_id: first.locationId,
        type_id: first.typeId,
        start_at: first.start,
        end_at: first.end,
        status: first.status,
      };
      if (JSON.stringify(row) !== JSON.stringify(expected))
        throw new Mismatch(
          `appointments.book: the floor books ${JSON.stringify(row)}, ours ${JSON.stringify(expected)}`,
        );
      log('appointments.book: the floor writes the same appointment as ours');
      const now = first.createdAt;
      const results = await runBenchmark(
        {
          name: 'appointments.book',
          dataset: appointmentsLabel,
          unit: 'ms',
          ours: { run: () => bookOurs(core, slot(oursNext++)), idle: hostIdle(core) },
          floor: { run: () => floor.book(slot(floorNext++), now), idle: floorIdle(floor.handle) },
          iterations,
          goals: { p95Ms: 5 },
        },
        rounds,
        warmup - 1,
      );
      log(
        `appointments.book: ${oursNext} bookings each way into distinct free slots of working copies (removed after), measured in ${took()}`,
      );
      const share = await encryptionShare({
        dataset,
        name: 'appointments.book',
        label: appointmentsLabel,
        rounds,
        iterations,
        warmup: warmup - 1,
        make: (file, key) => {
          const writer = new BookFloor(file, key);
          let next = 0;
          return { handle: writer.handle, run: () => writer.book(slot(next++), now) };
        },
      });
      logEncryptionSplit(log, results, share);
      return [...results, ...share];
    } finally {
      floor.close();
      await core.close();
      copies.remove();
    }
  },
};
