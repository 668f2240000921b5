import { fork, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorData } from '../../src-shared/api/errors';
import { addDays } from '../../src-shared/scheduling/time';
import { REPO_ROOT } from '../helpers/run-cli';
import { RECEPTIONIST, openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

/**
 * Two desks booking the same slot at the same moment: exactly one wins, the other is told why.
 *
 * Each desk is its own process with its own connection to the clinic file (two cores in one process
 * would not race: better-sqlite3 is synchronous, so one would block the event loop the other needs).
 * For every trial the parent names a wall-clock instant a few milliseconds ahead; both desks spin until
 * it and book the same provider, same slot, for two different patients.
 */
const TRIALS = 1000;
const LEAD_MS = 4;

interface Desk {
  child: ChildProcess;
  next(): Promise<{ type: string; trial?: number; ok?: boolean; error?: ApiErrorData | null }>;
}

function startDesk(): Promise<Desk> {
  const child = fork(`${REPO_ROOT}/tests/helpers/scheduling-race-child.ts`, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  child.on('message', (message) => {
    const resolve = waiting.shift();
    if (resolve) resolve(message);
    else queue.push(message);
  });
  const desk: Desk = {
    child,
    next: () =>
      new Promise((resolve) => {
        const queued = queue.shift();
        if (queued !== undefined) resolve(queued as Awaited<ReturnType<Desk['next']>>);
        else waiting.push(resolve as (message: unknown) => void);
      }),
  };
  return desk.next().then(() => desk);
}

let s: SchedulingClinic;
let desks: Desk[] = [];
let patients: string[] = [];
const FIRST_DAY = '2027-01-04';

beforeAll(async () => {
  s = await openSchedulingClinic({ weekdays: [] });
  // Open all day, every day: trial i books the i-th 5-minute slot.
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    await s.clinic.ok('admin', 'schedule.createTemplate', {
      providerId: s.drAId,
      locationId: s.mainId,
      weekday,
      start: '00:00',
      end: '24:00',
    });
  }
  patients = [await s.patient('Racer'), await s.patient('Rival')];
  desks = await Promise.all([startDesk(), startDesk()]);
  for (const desk of desks) {
    desk.child.send({
      type: 'open',
      file: s.clinic.folder.file,
      keyHex: s.clinic.folder.key.toString('hex'),
      ...RECEPTIONIST,
    });
  }
  for (const desk of desks) expect(await desk.next()).toMatchObject({ type: 'ready', ok: true });
}, 60_000);

afterAll(async () => {
  await Promise.all(
    desks.map(
      (desk) =>
        new Promise<void>((resolve) => {
          desk.child.once('exit', () => resolve());
          desk.child.send({ type: 'close' });
        }),
    ),
  );
  await s.clinic.close();
});

describe('two desks booking the same slot at once', () => {
  it(`exactly one wins each of ${TRIALS} trials; the other gets a conflict that says why`, async () => {
    let wins = [0, 0];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const minutes = (trial % 288) * 5;
      const start = {
        date: addDays(FIRST_DAY, Math.floor(trial / 288)),
        time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      };
      const at = Date.now() + LEAD_MS;
      desks.forEach((desk, index) =>
        desk.child.send({
          type: 'book',
          trial,
          at,
          input: { patientId: patients[index], providerId: s.drAId, typeId: s.consultId, start, durationMinutes: 5 },
        }),
      );
      const results = await Promise.all(desks.map((desk) => desk.next()));
      const winners = results.filter((r) => r.ok);
      expect(winners, `trial ${trial}`).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser?.error).toMatchObject({ code: 'CONFLICT', details: { problems: [{ code: 'provider_busy' }] } });
      expect(loser?.error?.message).toContain(`Dr Ana Ortiz is already booked ${start.time}–`);
      wins = wins.map((count, index) => count + (results[index]?.ok ? 1 : 0));
    }
    // Both desks won some: the race was real, not one desk always first.
    expect(wins[0]).toBeGreaterThan(0);
    expect(wins[1]).toBeGreaterThan(0);
    const booked = await s.clinic.core.database.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('provider_id', '=', s.drAId)
      .executeTakeFirstOrThrow();
    expect(booked.n).toBe(TRIALS);
    console.log(`[race] ${TRIALS} trials: desk 1 won ${wins[0]}, desk 2 won ${wins[1]}`);
  }, 120_000);
});
