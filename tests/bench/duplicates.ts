import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDuplicatePairs } from '../../src-main/core/patients/duplicate-finder';
import { insertPatient, allocateMrn } from '../../src-main/core/patients/repository';
import { reindexPatient } from '../../src-main/core/patients/search-index-repository';
import { newId } from '../../src-main/core/ids';
import type { DuplicateCandidate } from '../../src-shared/patients/model';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { febrlAvailable, loadFebrlPairs, registrable, FEBRL_DIR, type FebrlPair, type FebrlRecord } from './febrl';
import { stats, type Stats } from './harness';
import { stopwatch } from './suite';

/**
 * Duplicate detection against Febrl dataset 4 (issue 13, item 11): accuracy, not speed.
 *
 * Live check: the originals are registered through `patients.create` (the router, its validation,
 * audit and duplicate check; an original refused as a likely duplicate of another original is
 * saved with "not the same person", as a receptionist would). Then, for each duplicate, the form's
 * call: `patients.findDuplicates` with the names, date of birth and address typed, 5 candidates.
 * Recall: the original among them. Wrong share: candidates shown that are not the original.
 *
 * Batch finder: originals and duplicates in a second clinic, written by the repository (the
 * registration check would refuse half the duplicates: the finder exists for what got in anyway),
 * then every pair the finder reports. Recall: true pairs found; wrong share: reported pairs that
 * are not a true pair.
 *
 * Records registration would not accept (a name or the date of birth missing or not a real date)
 * are left out of the clinic; a duplicate is still typed with whatever it has.
 */

export interface LiveFigures {
  pairs: number;
  registered: number;
  /** Originals refused as a likely duplicate of another original, saved after "not the same person". */
  confirmedOnLoad: number;
  queried: number;
  found: number;
  shown: number;
  wrong: number;
  recall: number;
  wrongShare: number;
  timing: Stats;
  foundBy: Record<string, number>;
  /** The Febrl ids ("rec-1070") whose original was found. */
  foundIds: string[];
}

export interface BatchFigures {
  records: number;
  truePairs: number;
  reported: number;
  found: number;
  wrong: number;
  recall: number;
  wrongShare: number;
  seconds: number;
}

const CLIENT = 'admin';

function createInput(record: FebrlRecord, notDuplicateOf: string[] = []) {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    dob: record.dob ?? '',
    address: record.address,
    notDuplicateOf,
  };
}

async function signedInClinic(): Promise<TestClinic> {
  const clinic = await openTestClinic();
  await clinic.ok(CLIENT, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await clinic.ok(CLIENT, 'settings.update', { dateFormat: 'YYYY-MM-DD' });
  return clinic;
}

/** The live check, as the registration form calls it. */
export async function measureLive(
  pairs: readonly FebrlPair[],
  log: (line: string) => void = () => {},
): Promise<LiveFigures> {
  const clinic = await signedInClinic();
  const lap = stopwatch();
  try {
    const idOf = new Map<string, string>();
    let confirmedOnLoad = 0;
    for (const { original } of pairs) {
      if (!registrable(original)) continue;
      let result = await clinic.call(CLIENT, 'patients.create', createInput(original));
      if (!result.ok && result.error.code === 'CONFLICT') {
        const flagged = (result.error.details?.duplicates ?? []) as DuplicateCandidate[];
        confirmedOnLoad += 1;
        result = await clinic.call(
          CLIENT,
          'patients.create',
          createInput(
            original,
            flagged.map((candidate) => candidate.patient.id),
          ),
        );
      }
      if (!result.ok) throw new Error(`registering ${original.id}: ${result.error.message}`);
      idOf.set(original.id, result.value.id);
    }
    log(`  registered ${idOf.size} originals through patients.create in ${lap()}`);

    let queried = 0;
    let found = 0;
    let shown = 0;
    let wrong = 0;
    const times: number[] = [];
    const foundBy: Record<string, number> = {};
    const foundIds: string[] = [];
    for (const { original, duplicate } of pairs) {
      const originalId = idOf.get(original.id);
      if (!originalId) continue;
      queried += 1;
      // The form asks once a name is typed (or a phone, email or national id: Febrl has none).
      if (duplicate.firstName === '' && duplicate.lastName === '') continue;
      const started = performance.now();
      const candidates = await clinic.ok(CLIENT, 'patients.findDuplicates', {
        firstName: duplicate.firstName,
        lastName: duplicate.lastName,
        dob: duplicate.dob,
        address: duplicate.address,
        limit: 5,
      });
      times.push(performance.now() - started);
      shown += candidates.length;
      const hit = candidates.find((candidate) => candidate.patient.id === originalId);
      wrong += candidates.length - (hit ? 1 : 0);
      if (hit) {
        found += 1;
        foundIds.push(original.id);
        const code = hit.reasons[0]?.code ?? 'none';
        foundBy[code] = (foundBy[code] ?? 0) + 1;
      }
    }
    log(`  checked ${queried} duplicates through patients.findDuplicates in ${lap()}`);
    return {
      pairs: pairs.length,
      registered: idOf.size,
      confirmedOnLoad,
      queried,
      found,
      shown,
      wrong,
      recall: found / Math.max(1, queried),
      wrongShare: wrong / Math.max(1, shown),
      timing: stats(times),
      foundBy,
      foundIds,
    };
  } finally {
    await clinic.close();
  }
}

/** The manager's finder over originals and duplicates together. */
export async function measureBatch(
  pairs: readonly FebrlPair[],
  log: (line: string) => void = () => {},
): Promise<BatchFigures> {
  const clinic = await signedInClinic();
  const lap = stopwatch();
  try {
    const { db } = clinic.core.database;
    const now = clinic.clock.now;
    const recordOf = new Map<string, string>();
    await db.transaction().execute(async (trx) => {
      for (const pair of pairs) {
        for (const [side, record] of [
          ['o', pair.original],
          ['d', pair.duplicate],
        ] as const) {
          if (!registrable(record)) continue;
          const id = newId();
          await insertPatient(trx, {
            id,
            mrn: await allocateMrn(trx, now),
            first_name: record.firstName,
            middle_name: null,
            last_name: record.lastName,
            preferred_name: null,
            dob: record.dob ?? '',
            sex: 'unknown',
            gender_identity: null,
            email: null,
            address_line1: record.address.line1,
            address_line2: record.address.line2,
            city: record.address.city,
            region: record.address.region,
            postal_code: record.address.postalCode,
            country: null,
            preferred_language: null,
            national_id: null,
            notes: null,
            deceased_date: null,
            deceased_at: null,
            active: 1,
            merged_into_id: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          });
          await reindexPatient(trx, id);
          recordOf.set(id, `${side}:${record.id}`);
        }
      }
    });
    const truePairs = pairs.filter((pair) => registrable(pair.original) && registrable(pair.duplicate)).length;
    log(`  wrote ${recordOf.size} records through the repository in ${lap()}`);
    const started = performance.now();
    const reported = await findDuplicatePairs(db, {
      limit: Number.MAX_SAFE_INTEGER,
      minScore: 0,
      dateFormat: 'YYYY-MM-DD',
      today: '2026-11-22',
    });
    const seconds = (performance.now() - started) / 1000;
    log(`  the finder read and scored the clinic in ${lap()}`);
    const found = reported.filter((pair) => {
      const [a, b] = [recordOf.get(pair.a.id) ?? '', recordOf.get(pair.b.id) ?? ''];
      return a.slice(2) === b.slice(2) && a[0] !== b[0];
    }).length;
    return {
      records: recordOf.size,
      truePairs,
      reported: reported.length,
      found,
      wrong: reported.length - found,
      recall: found / Math.max(1, truePairs),
      wrongShare: (reported.length - found) / Math.max(1, reported.length),
      seconds,
    };
  } finally {
    await clinic.close();
  }
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

export function describeLive(f: LiveFigures): string[] {
  return [
    `Live check (patients.findDuplicates, 5 candidates, name + date of birth + address typed):`,
    `  ${f.registered} of ${f.pairs} originals registered (the others lack a name or a real date of birth); ${f.confirmedOnLoad} of them were flagged against another original while loading`,
    `  recall ${percent(f.recall)} (${f.found} of ${f.queried} duplicates find their original)`,
    `  wrong share ${percent(f.wrongShare)} (${f.wrong} of ${f.shown} candidates shown are someone else)`,
    `  ${f.timing.p50.toFixed(2)} ms p50, ${f.timing.p95.toFixed(2)} ms p95 a call`,
    `  found by: ${Object.entries(f.foundBy)
      .sort((a, b) => b[1] - a[1])
      .map(([code, count]) => `${code} ${count}`)
      .join(', ')}`,
  ];
}

export function describeBatch(f: BatchFigures): string[] {
  return [
    `Batch finder (findDuplicatePairs over originals and duplicates, ${f.records} records):`,
    `  recall ${percent(f.recall)} (${f.found} of ${f.truePairs} true pairs reported)`,
    `  wrong share ${percent(f.wrongShare)} (${f.wrong} of ${f.reported} reported pairs are not a true pair)`,
    `  ${f.seconds.toFixed(1)} s for the whole clinic`,
  ];
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs both, prints the figures and writes bench-results/duplicates.json. */
export async function benchDuplicates(log: (line: string) => void): Promise<void> {
  if (!febrlAvailable()) {
    log(`Duplicates: skipped, Febrl dataset 4 not found in ${FEBRL_DIR}`);
    return;
  }
  const pairs = loadFebrlPairs();
  log(`Duplicates: Febrl dataset 4, ${pairs.length} originals with one duplicate each`);
  const live = await measureLive(pairs, log);
  const batch = await measureBatch(pairs, log);
  for (const line of [...describeLive(live), ...describeBatch(batch)]) log(line);
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'duplicates.json'),
    `${JSON.stringify({ dataset: 'febrl-4', live: { ...live, foundIds: undefined }, batch, measured_at: new Date().toISOString() }, null, 2)}\n`,
  );
}
