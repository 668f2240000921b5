import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pageCacheKibFor } from '../../src-main/core/db/open';
import { newId } from '../../src-main/core/ids';
import type { VisitBoard, VisitView, VitalsRecord } from '../../src-shared/visits/model';
import { localDayBounds } from '../../src-shared/scheduling/time';
import { BENCH_USER, exportPlain, type Dataset, invokeAsBench } from './dataset';
import { type BenchmarkResult, floorIdle, hostIdle, runBenchmark } from './harness';
import { encryptionShare, logEncryptionSplit } from './encrypted-floor';
import { floorHandle, openScheduler, workingCopies } from './scheduling';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';

/**
 * Check-in, vitals save and the flow board (issue 5), ours through the procedure against a floor of
 * hand-written SQL on an unencrypted copy. Check-in and vitals write into working copies; the board
 * is read once 400 visits are on today's board.
 */

const BOARD_VISITS = 400;

/** Check-in in SQL, inside BEGIN IMMEDIATE as the router does: the appointment, the open-visit check, the ticket, the visit and its event, the appointment's status and history. */
class CheckInFloor {
  readonly handle: BetterSqlite3.Database;
  readonly run: (appointmentId: string, now: number) => string;

  constructor(file: string, key?: Buffer) {
    this.handle = floorHandle(file, key);
    const userId = this.handle
      .prepare('SELECT id FROM users WHERE username = ?')
      .pluck()
      .get(BENCH_USER.username) as string;
    const appointment = this.handle.prepare(
      'SELECT id, patient_id, provider_id, status, start_at FROM appointments WHERE id = ? AND deleted_at IS NULL',
    );
    const open = this.handle.prepare(
      "SELECT id FROM visits WHERE appointment_id = ? AND status <> 'cancelled' AND deleted_at IS NULL",
    );
    const ticket = this.handle.prepare('SELECT max(ticket_number) FROM visits WHERE local_date = ?').pluck();
    const visit = this.handle.prepare(`
      INSERT INTO visits (id, patient_id, appointment_id, appointment_status_before, provider_id, room_id, status, local_date, ticket_number,
        arrived_at, roomed_at, seen_at, ready_at, checked_out_at, status_since, called_at, called_room_id, last_event_id, undo_event_id,
        last_move_by, last_move_by_name, last_move_at, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, ?, NULL, 'arrived', ?, ?, ?, NULL, NULL, NULL, NULL, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)`);
    const event = this.handle.prepare(`
      INSERT INTO visit_events (id, visit_id, at, user_id, username, action, from_status, to_status, before, undoes_event_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'arrive', NULL, 'arrived', '{}', NULL, ?, ?)`);
    const status = this.handle.prepare("UPDATE appointments SET status = 'arrived', updated_at = ? WHERE id = ?");
    const history = this.handle.prepare(`
      INSERT INTO appointment_history (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'status', ?, NULL, ?, ?)`);
    const transaction = this.handle.transaction((appointmentId: string, now: number) => {
      const row = appointment.get(appointmentId) as
        { id: string; patient_id: string; provider_id: string; status: string } | undefined;
      if (!row || open.get(appointmentId)) throw new Error('floor: cannot check in');
      const id = newId();
      const eventId = newId();
      const next = ((ticket.get(BENCH_TODAY) as number | null) ?? 0) + 1;
      visit.run(
        id,
        row.patient_id,
        row.id,
        row.status,
        row.provider_id,
        BENCH_TODAY,
        next,
        now,
        now,
        eventId,
        eventId,
        userId,
        BENCH_USER.displayName,
        now,
        now,
        now,
      );
      event.run(eventId, id, now, userId, BENCH_USER.username, now, now);
      status.run(now, row.id);
      history.run(
        newId(),
        row.id,
        now,
        userId,
        BENCH_USER.username,
        JSON.stringify({ status: { from: row.status, to: 'arrived' } }),
        now,
        now,
      );
      return id;
    });
    this.run = (appointmentId, now) => transaction.immediate(appointmentId, now);
  }
}

class VitalsFloor {
  readonly handle: BetterSqlite3.Database;
  readonly run: (patientId: string, now: number) => void;

  constructor(file: string, key?: Buffer) {
    this.handle = floorHandle(file, key);
    const userId = this.handle
      .prepare('SELECT id FROM users WHERE username = ?')
      .pluck()
      .get(BENCH_USER.username) as string;
    const patient = this.handle.prepare('SELECT id, merged_into_id FROM patients WHERE id = ? AND deleted_at IS NULL');
    const insert = this.handle.prepare(`
      INSERT INTO vitals (id, patient_id, visit_id, systolic_mmhg, diastolic_mmhg, pulse_per_min, resp_per_min, temperature_c, spo2_percent,
        weight_kg, height_m, bmi, pain, chief_complaint, allergies_reviewed, confirmed_implausible, recorded_by, recorded_by_name, recorded_at,
        created_at, updated_at, deleted_at)
      VALUES (?, ?, NULL, 124, 80, 72, 14, 36.8, 98, 70, 1.75, 22.9, 2, 'Cough', 1, '[]', ?, ?, ?, ?, ?, NULL)`);
    const transaction = this.handle.transaction((patientId: string, now: number) => {
      if (!patient.get(patientId)) throw new Error('floor: no such patient');
      insert.run(newId(), patientId, userId, BENCH_USER.displayName, now, now, now);
    });
    this.run = (patientId, now) => transaction.immediate(patientId, now);
  }
}

/** The board's statement, the room states and the providers' names, by hand. */
class BoardFloor {
  readonly handle: BetterSqlite3.Database;
  readonly #visits: BetterSqlite3.Statement;
  readonly #rooms: BetterSqlite3.Statement;
  readonly #settings: BetterSqlite3.Statement;
  readonly #providers: BetterSqlite3.Statement;

  constructor(file: string) {
    this.handle = new BetterSqlite3(file, { readonly: true });
    this.handle.pragma(`cache_size = -${pageCacheKibFor(file)}`);
    this.#visits = this.handle.prepare(`
      SELECT v.*, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.mrn, a.start_at AS appointment_start,
        ue.action AS undo_action, ue.to_status AS undo_to_status
      FROM visits v JOIN patients p ON p.id = v.patient_id
        LEFT JOIN appointments a ON a.id = v.appointment_id LEFT JOIN visit_events ue ON ue.id = v.undo_event_id
      WHERE v.deleted_at IS NULL AND v.local_date = ? AND v.status IN ('arrived', 'roomed', 'with_provider', 'ready_for_checkout', 'checked_out')
      ORDER BY v.arrived_at, v.id`);
    this.#providers = this.handle.prepare('SELECT id, display_name FROM providers');
    this.#rooms = this.handle.prepare(`
      SELECT r.id, r.name, v.id AS visit_id FROM rooms r
        LEFT JOIN visits v ON v.room_id = r.id AND v.status IN ('roomed', 'with_provider') AND v.deleted_at IS NULL
      WHERE r.deleted_at IS NULL ORDER BY r.name`);
    this.#settings = this.handle.prepare('SELECT * FROM visit_settings WHERE id = 1');
  }

  board(date: string): string[] {
    this.#settings.get();
    const rooms = new Map((this.#rooms.all() as { id: string; name: string }[]).map((room) => [room.id, room.name]));
    const providers = new Map(
      (this.#providers.all() as { id: string; display_name: string }[]).map((p) => [p.id, p.display_name]),
    );
    // Names joined in plain code, as ours does: the floor answers the same question the same way.
    const rows = this.#visits.all(date) as { id: string; room_id: string | null; provider_id: string | null }[];
    return rows.map((row) =>
      `${row.id}${row.room_id ? (rooms.get(row.room_id) ?? '') : ''}${row.provider_id ? (providers.get(row.provider_id) ?? '') : ''}`.slice(
        0,
        36,
      ),
    );
  }
}

/** The same vitals for every save, ours and the floor's (the floor writes these values by hand). */
function vitalsInput(patientId: string) {
  return {
    patientId,
    units: { temperature: 'C', system: 'metric' },
    systolic: 124,
    diastolic: 80,
    pulse: 72,
    respRate: 14,
    temperature: 36.8,
    spo2: 98,
    weight: 70,
    height: 175,
    pain: 2,
    chiefComplaint: 'Cough',
    allergiesReviewed: true,
  } as const;
}

/** Appointments on the bench's today that can still arrive, in a fixed order. */
function arrivable(plain: string): string[] {
  const handle = new BetterSqlite3(plain, { readonly: true });
  try {
    const day = localDayBounds(BENCH_ZONE, BENCH_TODAY);
    return handle
      .prepare(
        "SELECT id FROM appointments WHERE start_at >= ? AND start_at < ? AND status IN ('booked', 'confirmed') AND deleted_at IS NULL ORDER BY start_at, id",
      )
      .pluck()
      .all(day.start, day.end) as string[];
  } finally {
    handle.close();
  }
}

function somePatients(plain: string, count: number): string[] {
  const handle = new BetterSqlite3(plain, { readonly: true });
  try {
    return handle
      .prepare('SELECT id FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id LIMIT ?')
      .pluck()
      .all(count) as string[];
  } finally {
    handle.close();
  }
}

export async function benchVisits(
  dataset: Dataset,
  rounds: number,
  log: (line: string) => void = console.log,
): Promise<BenchmarkResult[]> {
  const results: BenchmarkResult[] = [];
  const label = `${dataset.patients / 1000}k patients`;
  const copies = workingCopies(dataset, 'visits');
  const now = benchNow();
  try {
    // visits.checkIn from today's appointments: each is checked in once, on each side.
    const appointments = arrivable(copies.plain);
    const warmup = 10;
    const iterations = Math.floor((appointments.length - warmup - 1) / rounds);
    if (iterations < 5)
      throw new Error(`visits bench: only ${appointments.length} appointments can arrive on ${BENCH_TODAY}`);
    let core = await openScheduler(copies.encrypted);
    const checkInFloor = new CheckInFloor(copies.plain);
    let oursNext = 0;
    let floorNext = 0;
    const take = (n: number) => appointments[n] ?? '';
    const first = await invokeAsBench<VisitView>(core, 'visits.checkIn', { appointmentId: take(oursNext++) });
    checkInFloor.run(take(floorNext++), now);
    const floorRow = checkInFloor.handle
      .prepare('SELECT patient_id, status, ticket_number FROM visits WHERE appointment_id = ?')
      .get(first.appointmentId);
    if (
      JSON.stringify(floorRow) !== JSON.stringify({ patient_id: first.patientId, status: 'arrived', ticket_number: 1 })
    ) {
      throw new Error(`visits.checkIn: the floor wrote ${JSON.stringify(floorRow)}`);
    }
    const checkIns = await runBenchmark(
      {
        name: 'visits.checkIn (from an appointment)',
        dataset: label,
        unit: 'ms',
        ours: {
          run: () => invokeAsBench(core, 'visits.checkIn', { appointmentId: take(oursNext++) }),
          idle: hostIdle(core),
        },
        floor: { run: () => checkInFloor.run(take(floorNext++), now), idle: floorIdle(checkInFloor.handle) },
        iterations,
        goals: { p95Ms: 5 },
      },
      rounds,
      warmup - 1,
    );
    results.push(...checkIns);
    checkInFloor.handle.close();
    log(`visits.checkIn: ${oursNext} check-ins each way`);
    const checkInShare = await encryptionShare({
      dataset,
      name: 'visits.checkIn',
      label,
      rounds,
      iterations,
      warmup: warmup - 1,
      make: (file, key) => {
        const floor = new CheckInFloor(file, key);
        let next = 0;
        return { handle: floor.handle, run: () => floor.run(take(next++), now) };
      },
    });
    results.push(...checkInShare);
    logEncryptionSplit(log, checkIns, checkInShare);

    // vitals.record for patients across the clinic.
    const patients = somePatients(copies.plain, 2000);
    const vitalsFloor = new VitalsFloor(copies.plain);
    const patientAt = (i: number) => patients[i % patients.length] ?? '';
    const saved = await invokeAsBench<VitalsRecord>(core, 'vitals.record', vitalsInput(patientAt(0)));
    if (saved.bmi !== 22.9) throw new Error(`vitals.record: BMI ${String(saved.bmi)}`);
    const vitals = await runBenchmark(
      {
        name: 'vitals.record',
        dataset: label,
        unit: 'ms',
        ours: {
          run: (i) => invokeAsBench(core, 'vitals.record', vitalsInput(patientAt(i))),
          idle: hostIdle(core),
        },
        floor: { run: (i) => vitalsFloor.run(patientAt(i), now), idle: floorIdle(vitalsFloor.handle) },
        iterations: 100,
        goals: { p95Ms: 5 },
      },
      rounds,
      20,
    );
    results.push(...vitals);
    const vitalsShare = await encryptionShare({
      dataset,
      name: 'vitals.record',
      label,
      rounds,
      iterations: 100,
      warmup: 20,
      make: (file, key) => {
        const floor = new VitalsFloor(file, key);
        return { handle: floor.handle, run: (i) => floor.run(patientAt(i), now) };
      },
    });
    results.push(...vitalsShare);
    logEncryptionSplit(log, vitals, vitalsShare);
    vitalsFloor.handle.close();

    // visits.board with 400 visits today: walk-ins fill up what the check-ins left.
    const board0 = await invokeAsBench<VisitBoard>(core, 'visits.board', {});
    const onBoard = new Set(board0.visits.map((visit) => visit.patientId));
    const walkIns = patients
      .filter((id) => !onBoard.has(id))
      .slice(0, Math.max(0, BOARD_VISITS - board0.visits.length));
    for (const patientId of walkIns) await invokeAsBench(core, 'visits.checkIn', { patientId });
    await core.close();
    const boardPlain = join(copies.plain, '..', 'board-plain.db');
    exportPlain(copies.encrypted, boardPlain);
    core = await openScheduler(copies.encrypted);
    const boardFloor = new BoardFloor(boardPlain);
    const ours = (await invokeAsBench<VisitBoard>(core, 'visits.board', {})).visits.map((visit) => visit.id);
    if (ours.length !== BOARD_VISITS || ours.join() !== boardFloor.board(BENCH_TODAY).join()) {
      throw new Error(`visits.board: ours ${ours.length} visits, the floor does not answer the same`);
    }
    log(`visits.board: ${ours.length} visits on ${BENCH_TODAY}, the floor answers the same visits in the same order`);
    const boardCore = core;
    results.push(
      ...(await runBenchmark(
        {
          name: `visits.board (${BOARD_VISITS} visits)`,
          dataset: label,
          unit: 'ms',
          ours: { run: () => invokeAsBench(boardCore, 'visits.board', {}) },
          floor: { run: () => boardFloor.board(BENCH_TODAY) },
          iterations: 50,
          goals: { p95Ms: 10 },
        },
        rounds,
        10,
      )),
    );
    boardFloor.handle.close();
    await core.close();
  } finally {
    copies.remove();
  }
  return results;
}
