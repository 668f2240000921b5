import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_DATE_FORMAT, ensureDataset, type Dataset } from '../bench/dataset';
import { openOurs, sampleQueries } from '../bench/patient-search';
import { MariaPeer } from '../bench/peers/mariadb';
import { datasetMarker } from '../bench/peers/peers';
import { PouchPeer } from '../bench/peers/pouch';
import { answers, peerQuestion } from '../bench/peers/question';
import { readSettings } from '../bench/peers/source';
import { busyDates, dayOurs, openScheduler } from '../bench/scheduling';
import { BENCH_ZONE } from '../bench/scheduling-data';
import { localDayBounds, localParts } from '../../src-shared/scheduling/time';

// The peers' own checks on a small dataset: no timings, only that PouchDB and the OpenEMR-shaped
// MariaDB hold the same data and answer the day view exactly as ours, and the patient finder's
// question correctly. MariaDB is skipped, with the reason printed, when it is not running.

const PATIENTS = 500;
// Enough to reach back past today (the 13 weeks ahead hold about 10k), where the busy dates lie.
const APPOINTMENTS = 16_000;
const SEED = 13;
let root: string;
let dataset: Dataset;
let pouch: PouchPeer;
let maria: MariaPeer | null = null;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'front-desk-bench-peers-'));
  dataset = await ensureDataset(PATIENTS, SEED, { root, appointments: APPOINTMENTS });
  const marker = datasetMarker(dataset);
  pouch = await PouchPeer.open(dataset, marker, () => undefined);
  const opened = await MariaPeer.open(dataset, marker, () => undefined);
  if (opened instanceof MariaPeer) maria = opened;
  else console.log(`bench-peers: MariaDB checks skipped: ${opened.absent}`);
}, 120_000);

afterAll(async () => {
  await pouch.close();
  if (maria) {
    await maria.drop();
    await maria.close();
  }
  rmSync(root, { recursive: true, force: true });
});

describe('bench peers', () => {
  it('answer the day view with the same appointments, columns and order as ours', async () => {
    const core = await openScheduler(dataset.encrypted);
    try {
      const ids = dataset.scheduling.providerIds;
      for (const date of busyDates(dataset, 8, SEED)) {
        const ours = await dayOurs(core, ids, date);
        expect(ours.length).toBeGreaterThan(0);
        const bounds = localDayBounds(BENCH_ZONE, date);
        expect(await pouch.day(bounds.start, bounds.end, ids)).toEqual(ours);
        if (maria) expect(await maria.day(date, ids)).toEqual(ours);
      }
    } finally {
      await core.close();
    }
  });

  it('find the patient typed, by their own question, and only rows that answer it', async () => {
    const settings = readSettings(dataset.plain);
    const queries = sampleQueries(dataset.plain, 60, SEED, BENCH_DATE_FORMAT);
    const ours = await openOurs(dataset);
    try {
      for (const query of queries) {
        const question = peerQuestion(query, settings);
        const found = [await pouch.searchPatients(question), ...(maria ? [await maria.searchPatients(question)] : [])];
        for (const rows of found) {
          for (const row of rows)
            expect(answers(question, row), `${query.kind} ${query.text}: ${row.lastName}, ${row.firstName}`).toBe(true);
          if (query.kind === 'name-prefix' || query.kind === 'mrn' || query.kind === 'dob')
            expect(rows.length, `${query.kind} ${query.text}`).toBeGreaterThan(0);
          // An MRN is one patient: the one our search puts first.
          if (question.kind === 'mrn') expect(rows.map((r) => r.id)).toEqual([(await ours.search(query.text))[0]?.id]);
        }
        if (found.length === 2) expect(found[1]?.length, `${query.kind} ${query.text}`).toBe(found[0]?.length);
      }
    } finally {
      await ours.core.close();
    }
  });

  it('MariaDB holds OpenEMR-shaped rows: wall-clock date and time without zone, duration in seconds', async (context) => {
    if (!maria) {
      context.skip();
      return;
    }
    const plain = new BetterSqlite3(dataset.plain, { readonly: true });
    try {
      const [patients] = await maria.rows('SELECT count(*) AS n FROM patient_data');
      expect(Number(patients?.n)).toBe(PATIENTS);
      const [events] = await maria.rows('SELECT count(*) AS n FROM openemr_postcalendar_events');
      expect(Number(events?.n)).toBe(APPOINTMENTS);
      const sample = plain
        .prepare('SELECT id, start_at, end_at, status FROM appointments ORDER BY rowid LIMIT 50')
        .all() as { id: string; start_at: number; end_at: number; status: string }[];
      for (const row of sample) {
        const [event] = await maria.rows(
          `SELECT pc_eventDate, pc_startTime, pc_duration, pc_apptstatus FROM openemr_postcalendar_events WHERE uuid = '${row.id}'`,
        );
        const start = localParts(BENCH_ZONE, row.start_at);
        expect(event).toMatchObject({
          pc_eventDate: start.date,
          pc_startTime: `${String(Math.floor(start.minutes / 60)).padStart(2, '0')}:${String(start.minutes % 60).padStart(2, '0')}:00`,
          pc_duration: (row.end_at - row.start_at) / 1000,
          pc_apptstatus: row.status === 'cancelled' ? 'x' : (expect.any(String) as string),
        });
      }
    } finally {
      plain.close();
    }
  });
});
