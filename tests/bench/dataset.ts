import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { DateFormat } from '../../src-shared/api/areas/settings';
import { createCore, type Core } from '../../src-main/core/app';
import { applyKey, openEncryptedHandle } from '../../src-main/core/db/open';
import { seedPatients } from '../../src-main/core/patients/seed';
import { seedBilling, type BillingSeed } from './billing-data';
import { syncRuntimeOf } from '../../src-main/core/sync/runtime';
import { configureScheduling, seedAppointments, type SchedulingSeed } from './scheduling-data';
import { seedStock, stockSize, type StockSeed } from './stock-data';

/**
 * The benchmark's data: a clinic seeded deterministically, encrypted with a fixed bench key (never a
 * real clinic's), and an unencrypted copy of the very same pages for the floor. Built once into a
 * cache folder and reused while the seeding code and the migrations stay the same.
 */

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * In the checkout itself (git-ignored), not under node_modules: that may be a link shared by several
 * checkouts, whose schemas differ. FRONT_DESK_BENCH_CACHE moves it (e.g. to a bigger disk).
 */
export const CACHE_ROOT = process.env.FRONT_DESK_BENCH_CACHE ?? join(ROOT, '.bench-cache');
/** A fixed, public key: bench data is made up, and the cache must open on the next run. */
export const BENCH_KEY = createHash('sha256').update('front-desk-bench-key-v1').digest();
export const BENCH_USER = { username: 'bench', displayName: 'Bench Runner', password: 'bench runner password 1' };
export const BENCH_DATE_FORMAT: DateFormat = 'DD/MM/YYYY';
export const BENCH_CLIENT = 'bench';

/** A procedure called as the bench's signed-in user; a refusal stops the suite, naming the call. */
export async function invokeAsBench<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.invoke(BENCH_CLIENT, name, input);
  if (!result.ok)
    throw new Error(`${name}(${JSON.stringify(input)}) failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export interface Dataset {
  dir: string;
  /** Encrypted, migrated, set up: what the app opens. */
  encrypted: string;
  /** The same data, unencrypted: what the floor opens. */
  plain: string;
  patients: number;
  appointments: number;
  seed: number;
  /** Providers, types and the span of dates the appointments cover. */
  scheduling: SchedulingSeed;
  /** Invoices of every completed appointment, their payments, a long account, today's drawer; null at a
   * size that seeds patients and appointments only (xl). */
  billing: BillingSeed | null;
  /** Stock locations, items, lots and their movements, the past visits the dispenses belong to; null as billing. */
  stock: StockSeed | null;
  /** Built in this run (false: reused from the cache). */
  built: boolean;
  buildSeconds: number;
}

interface Marker {
  patients: number;
  appointments: number;
  seed: number;
  fingerprint: string;
  scheduling: SchedulingSeed;
  billing: BillingSeed | null;
  stock: StockSeed | null;
}

/** 6 GiB: the xl clinic's patients and their indexes, and most of its appointments' (24 GiB machine). */
const SEED_CACHE_KIB = 6 * 1024 * 1024;

/** Bumped whenever the shape of the bench data changes in a way the files below do not show. */
const DATASET_VERSION = 4;

/** Changes whenever what the data would be changes: the seeding, the index, the schema. */
function fingerprint(): string {
  const hash = createHash('sha256').update(`v${DATASET_VERSION}`);
  const files = [
    'src-main/core/scheduling/seed.ts',
    'src-main/core/scheduling/seed-repository.ts',
    'tests/bench/scheduling-data.ts',
    'tests/bench/billing-data.ts',
    'tests/bench/stock-data.ts',
    'src-main/core/patients/seed.ts',
    'src-main/core/patients/search-index.ts',
    'tests/bench/dataset.ts',
    // The desk's migrations (the server's live in migrations/server and do not shape this data).
    ...readdirSync(join(ROOT, 'migrations'))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => `migrations/${name}`),
  ];
  for (const file of files) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

export function datasetDir(
  patients: number,
  appointments: number,
  seed: number,
  root = CACHE_ROOT,
  patientsAndAppointmentsOnly = false,
): string {
  return join(root, `${patients}p-${appointments}a-${seed}${patientsAndAppointmentsOnly ? '-pa' : ''}`);
}

/** What a suite that needs the billing data reads of it; at a size without it, an error that says so. */
export function billingOf(dataset: Dataset): BillingSeed {
  if (!dataset.billing)
    throw new Error(`the ${dataset.patients}-patient data has no billing: run this suite at full size`);
  return dataset.billing;
}

/** As billingOf, for the stock data. */
export function stockOf(dataset: Dataset): StockSeed {
  if (!dataset.stock) throw new Error(`the ${dataset.patients}-patient data has no stock: run this suite at full size`);
  return dataset.stock;
}

/** The cached dataset for (patients, appointments, seed), built first when missing or stale. */
export async function ensureDataset(
  patients: number,
  seed: number,
  options: {
    root?: string;
    log?: (line: string) => void;
    appointments?: number;
    /** Patients, the schedule and appointments, without billing and stock (the xl size: see sizes.ts). */
    patientsAndAppointmentsOnly?: boolean;
  } = {},
): Promise<Dataset> {
  const appointments = options.appointments ?? 0;
  const only = options.patientsAndAppointmentsOnly ?? false;
  const dir = datasetDir(patients, appointments, seed, options.root, only);
  const encrypted = join(dir, 'clinic.db');
  const plain = join(dir, 'plain.db');
  const markerFile = join(dir, 'dataset.json');
  const print = fingerprint();
  if (existsSync(markerFile) && existsSync(encrypted) && existsSync(plain)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    if (
      marker.patients === patients &&
      marker.appointments === appointments &&
      marker.seed === seed &&
      marker.fingerprint === print
    ) {
      return {
        dir,
        encrypted,
        plain,
        patients,
        appointments,
        seed,
        scheduling: marker.scheduling,
        billing: marker.billing,
        stock: marker.stock,
        built: false,
        buildSeconds: 0,
      };
    }
  }
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  options.log?.(`Seeding ${patients} patients and ${appointments} appointments (seed ${seed}) into ${dir} ...`);
  let scheduling: SchedulingSeed;
  let billing: BillingSeed | null = null;
  let stock: StockSeed | null = null;
  const core = await createCore({ file: encrypted, key: BENCH_KEY, create: true });
  // The seed inserts into indexes keyed at random (names, the search tokens, patients' appointments):
  // with the desk's 64 MiB page cache, inserts past the first few hundred MiB missed it and decrypted
  // a page (the xl patients: ~30% in 13 min; 300,000 in 2.3 min with this cache). What still slows
  // the xl seed is the full-text index's inserts (README, Sizes). The data is the same with any cache.
  core.database.handle.pragma(`cache_size = -${SEED_CACHE_KIB}`);
  try {
    await must(core, 'system.setup', {
      clinicName: 'Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      admin: BENCH_USER,
    });
    await must(core, 'auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    await must(core, 'settings.update', { dateFormat: BENCH_DATE_FORMAT });
    // Seeded rows are not news for other desks: no sync_changes rows for them (and a faster seed).
    const quiet = <T>(work: () => T): T => syncRuntimeOf(core.database.handle).withoutCapture(work);
    let phase = performance.now();
    quiet(() => seedPatients(core.database.handle, patients, seed, Date.now()));
    options.log?.(`  patients seeded in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
    phase = performance.now();
    const config = await configureScheduling(core);
    options.log?.(`  scheduling configured in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
    phase = performance.now();
    scheduling = quiet(() =>
      seedAppointments(core.database.handle, config, appointments, seed, (written) =>
        options.log?.(
          `  ${written} of ${appointments} appointments (${Math.floor((100 * written) / Math.max(appointments, 1))}%)`,
        ),
      ),
    );
    const seconds = (performance.now() - phase) / 1000;
    options.log?.(
      `  ${scheduling.appointments} appointments (${scheduling.firstDate} to ${scheduling.lastDate}) seeded in ${seconds.toFixed(1)} s` +
        ` (${Math.round(scheduling.appointments / Math.max(seconds, 0.001))} a second, with their history)`,
    );
    if (!only) {
      phase = performance.now();
      const admin = core.database.handle
        .prepare('SELECT id FROM users WHERE username = ?')
        .pluck()
        .get(BENCH_USER.username) as string;
      billing = quiet(() => seedBilling(core.database.handle, seed, admin, BENCH_USER.username));
      options.log?.(
        `  ${billing.invoices} invoices and ${billing.payments} payments (${billing.openInvoices} invoices still open) seeded in ${((performance.now() - phase) / 1000).toFixed(1)} s`,
      );
      phase = performance.now();
      stock = quiet(() => seedStock(core.database.handle, seed, stockSize(patients), admin, BENCH_USER.username));
      options.log?.(
        `  ${stock.items} stock items, ${stock.lots} lots and ${stock.movements} movements (${stock.dispenses} dispenses over ${stock.visits} past visits) seeded in ${((performance.now() - phase) / 1000).toFixed(1)} s`,
      );
    } else options.log?.('  billing and stock not seeded at this size');
    phase = performance.now();
    core.database.handle.pragma('wal_checkpoint(TRUNCATE)');
    core.database.handle.exec('ANALYZE');
    options.log?.(`  checkpointed and analysed in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
  } finally {
    await core.close();
  }
  exportPlain(encrypted, plain);
  writeFileSync(
    markerFile,
    `${JSON.stringify({ patients, appointments, seed, fingerprint: print, scheduling, billing, stock } satisfies Marker, null, 2)}\n`,
  );
  const buildSeconds = (performance.now() - started) / 1000;
  options.log?.(`Seeded and exported in ${buildSeconds.toFixed(1)} s.`);
  return { dir, encrypted, plain, patients, appointments, seed, scheduling, billing, stock, built: true, buildSeconds };
}

async function must(core: Core, name: string, input: unknown): Promise<unknown> {
  const result = await core.invoke(BENCH_CLIENT, name, input);
  if (!result.ok)
    throw new Error(`${name} failed while building the bench data: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * An unencrypted copy of the encrypted file. SQLite3MultipleCiphers has no sqlcipher_export(), and
 * VACUUM INTO writes with the source's cipher; rekeying a copy to the empty key decrypts it in
 * place, page for page (rekey needs a rollback journal, not WAL).
 */
/** The sync capture triggers are ours (their cost is in our figure); a floor's copy goes without them. */
export function dropCaptureTriggers(handle: BetterSqlite3.Database): void {
  const captures = handle
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'")
    .pluck()
    .all() as string[];
  for (const name of captures) handle.exec(`DROP TRIGGER "${name}"`);
}

export function exportPlain(encrypted: string, plain: string): void {
  const source = openEncryptedHandle({ file: encrypted, key: BENCH_KEY });
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  const temp = `${plain}.tmp`;
  rmSync(temp, { force: true });
  copyFileSync(encrypted, temp);
  const copy = new BetterSqlite3(temp);
  try {
    applyKey(copy, BENCH_KEY);
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = ''`);
    // The floor is SQLite's own work on plain rows: the sync capture triggers are ours (their cost is in
    // our figure), and their SQL functions exist only on a desk's own connection.
    dropCaptureTriggers(copy);
  } finally {
    copy.close();
  }
  const check = new BetterSqlite3(temp, { readonly: true });
  try {
    check.prepare('SELECT count(*) FROM patient_search').get();
  } finally {
    check.close();
  }
  // Only the header: a full-size copy is over 2 GiB, more than readFileSync will read.
  const header = Buffer.alloc(15);
  const fd = openSync(temp, 'r');
  try {
    readSync(fd, header, 0, 15, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3') throw new Error(`The plain copy ${temp} is still encrypted.`);
  renameSync(temp, plain);
}
