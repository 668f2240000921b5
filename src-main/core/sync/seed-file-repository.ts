import { existsSync, writeFileSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { HlcState } from '../../../src-shared/sync/hlc';
import { SYNCED_TABLES } from '../../../src-shared/sync/tables';
import { currentVersion } from '../db/migrate';
import { openKeyedFile, useDatabaseCipher } from '../db/open';
import { seedTableNames } from './seed-tables';

/**
 * A starting copy of the clinic as an encrypted SQLite file (src-shared/sync/seed.ts), made and taken in
 * by SQL from one connection with the copy ATTACHed under its own key. `INSERT INTO x SELECT * FROM y`
 * between tables of one schema is SQLite's transfer path: pages of records copied as they are, not rows
 * decoded and inserted, when the target has no triggers and foreign keys are off — hence both are off
 * while copying, and the caches (kept by those triggers) are copied with the rows rather than rebuilt.
 * Measured here: a million rows with an index in 0.7 s, against 1.8 s with one trigger on the target.
 */
export interface SeedMeta {
  clinicId: string;
  /** The publishing desk's pull cursor when the copy was made. */
  cursor: string;
  schemaVersion: number;
  /** The publishing desk's clock: the new desk's starts past it. */
  clock: HlcState;
}

/** A copy this desk cannot take in (another clinic, another schema, rows of its own): it starts from pages. */
export class SeedUnusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedUnusable';
  }
}

type Handle = BetterSqlite3.Database;

/**
 * The copy's cipher: AES-256 without SQLCipher's per-page HMAC, which took a fifth of the time a new
 * desk spends taking a copy in (measured on the sync clocks: 620 → 460 ms for 660k rows). The HMAC would
 * guard nothing here: every chunk's digest is checked against the hash the server gave over the pinned
 * connection before the file is opened, and whoever could alter the chunks on the server also holds
 * the key beside them. The desk's own file keeps SQLCipher's HMAC (useDatabaseCipher).
 */
const SEED_CIPHER = 'aes256cbc';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `CREATE … name` with the name moved into the attached `seed` schema. */
function inSeed(sql: string, name: string): string {
  const n = escape(name);
  const pattern = new RegExp(
    `^CREATE\\s+(TABLE|VIRTUAL\\s+TABLE|UNIQUE\\s+INDEX|INDEX)\\s+(?:"${n}"|'${n}'|\\[${n}\\]|\`${n}\`|${n})(?=[\\s(])`,
    'i',
  );
  const match = pattern.exec(sql);
  if (!match?.[1]) throw new Error(`The starting copy cannot place ${name}: its SQL does not start as expected`);
  return `CREATE ${match[1].toUpperCase()} seed.${quote(name)}${sql.slice(match[0].length)}`;
}

interface SchemaObject {
  type: 'table' | 'index';
  name: string;
  tbl_name: string;
  sql: string;
}

/** A copy opened on a connection of its own (tools and tests; the desk attaches it, below). */
export function openSeedFile(file: string, key: Buffer, options: { readonly?: boolean } = {}): Handle {
  return openKeyedFile(file, key, {
    readonly: options.readonly,
    useCipher: (handle) => handle.pragma(`cipher = '${SEED_CIPHER}'`),
  });
}

function withSeedAttached<T>(handle: Handle, file: string, key: Buffer, work: () => T): T {
  // ATTACH cannot run inside a transaction; a procedure's open one would also be in the copy's way.
  if (handle.inTransaction) throw new Error('The database is busy with another piece of work; try again');
  // A connection opened without permission to create files (a desk opening its existing database)
  // attaches only files that exist: an empty file is an empty database.
  if (!existsSync(file)) writeFileSync(file, '');
  handle.pragma(`cipher = '${SEED_CIPHER}'`);
  try {
    handle.prepare('ATTACH ? AS seed KEY ?').run(file, `x'${key.toString('hex')}'`);
  } finally {
    useDatabaseCipher(handle);
  }
  const foreignKeys = Number(handle.pragma('foreign_keys', { simple: true }));
  handle.pragma('foreign_keys = OFF');
  // The search index's shadow tables are written directly (SQLite refuses that in defensive mode).
  handle.unsafeMode(true);
  try {
    return work();
  } finally {
    handle.unsafeMode(false);
    handle.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    handle.exec('DETACH seed');
  }
}

/**
 * `INSERT INTO to SELECT * FROM from`, the transfer path, unless the table has generated columns (which
 * take no value): then the stored columns by name, row by row. Answers the rows copied.
 */
function copyTable(handle: Handle, name: string, to: 'main' | 'seed', from: 'main' | 'seed'): number {
  const columns = handle.prepare(`PRAGMA ${from}.table_xinfo(${quote(name)})`).all() as {
    name: string;
    hidden: number;
  }[];
  if (columns.every((column) => column.hidden === 0))
    return handle.prepare(`INSERT INTO ${to}.${quote(name)} SELECT * FROM ${from}.${quote(name)}`).run().changes;
  const stored = columns
    .filter((column) => column.hidden === 0)
    .map((column) => quote(column.name))
    .join(', ');
  return handle
    .prepare(`INSERT INTO ${to}.${quote(name)} (${stored}) SELECT ${stored} FROM ${from}.${quote(name)}`)
    .run().changes;
}

function tablesIn(handle: Handle, schema: 'main' | 'seed'): Set<string> {
  const names = handle
    .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`)
    .pluck()
    .all() as string[];
  return new Set(names);
}

/**
 * Writes the copy: this desk's synced tables, clocks and caches (seed-tables.ts), its outbox folded into
 * the copy's clocks (the changes are on the server, so their stamps decide later merges there too), and
 * `seed_meta`. One transaction: the copy is one moment of this desk.
 */
export function writeSeedFile(
  handle: Handle,
  file: string,
  key: Buffer,
  meta: Omit<SeedMeta, 'schemaVersion'>,
): SeedMeta {
  const schemaVersion = currentVersion(handle);
  withSeedAttached(handle, file, key, () => {
    handle.pragma('seed.journal_mode = OFF');
    handle.pragma('seed.synchronous = OFF');
    const wanted = new Set(seedTableNames());
    const objects = handle
      .prepare(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') ORDER BY type DESC, name",
      )
      .all() as SchemaObject[];
    handle.transaction(() => {
      // A virtual table first: making it makes its shadow tables, which are then filled like any other.
      for (const object of objects) {
        if (object.type !== 'table' || !/^CREATE\s+VIRTUAL/i.test(object.sql)) continue;
        if ([...wanted].some((name) => name.startsWith(`${object.name}_`)))
          handle.exec(inSeed(object.sql, object.name));
      }
      const made = tablesIn(handle, 'seed');
      for (const object of objects) {
        if (object.type === 'table' && wanted.has(object.name) && !made.has(object.name)) {
          handle.exec(inSeed(object.sql, object.name));
        }
      }
      for (const object of objects) {
        if (object.type === 'index' && wanted.has(object.tbl_name)) handle.exec(inSeed(object.sql, object.name));
      }
      for (const name of tablesIn(handle, 'main')) {
        if (!wanted.has(name)) continue;
        handle.exec(`DELETE FROM seed.${quote(name)}`);
        copyTable(handle, name, 'seed', 'main');
      }
      // This desk's own audit chain lives in audit_log and travels from the outbox, not audit_chains:
      // the copy holds what was queued (all of it accepted, or no copy is made) as the server does.
      const chainColumns = (handle.prepare('PRAGMA seed.table_xinfo(audit_chains)').all() as { name: string }[]).map(
        (column) => column.name,
      );
      handle.exec(
        `INSERT OR IGNORE INTO seed.audit_chains (${chainColumns.map(quote).join(', ')})
         SELECT ${chainColumns.map((column) => `json_extract(values_json, '$.${column}')`).join(', ')}
         FROM main.sync_changes WHERE table_name = 'audit_chains' AND op = 'upsert'`,
      );
      handle.exec(`
        INSERT INTO seed.sync_clocks (table_name, key_json, column_name, hlc)
          SELECT c.table_name, c.key_json, j.key, max(c.hlc) FROM main.sync_changes c, json_each(c.values_json) j
          WHERE c.op = 'upsert' GROUP BY c.table_name, c.key_json, j.key
          ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc;
        INSERT INTO seed.sync_tombstones (table_name, key_json, hlc)
          SELECT table_name, key_json, max(hlc) FROM main.sync_changes WHERE op = 'delete' GROUP BY table_name, key_json
          ON CONFLICT (table_name, key_json) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc;
        CREATE TABLE seed.seed_meta (
          id INTEGER PRIMARY KEY CHECK (id = 1), clinic_id TEXT NOT NULL, cursor TEXT NOT NULL,
          schema_version INTEGER NOT NULL, hlc_wall INTEGER NOT NULL, hlc_counter INTEGER NOT NULL
        );
      `);
      handle
        .prepare('INSERT INTO seed.seed_meta VALUES (1, ?, ?, ?, ?, ?)')
        .run(meta.clinicId, meta.cursor, schemaVersion, meta.clock.wall, meta.clock.counter);
      // The planner's statistics of the same rows, so the new desk plans well from its first query.
      if (tablesIn(handle, 'main').has('sqlite_stat1')) {
        handle.exec('ANALYZE seed.seed_meta');
        handle.exec(
          `INSERT INTO seed.sqlite_stat1 SELECT * FROM main.sqlite_stat1 WHERE tbl IN (${[...wanted].map((name) => `'${name}'`).join(', ')})`,
        );
      }
    })();
  });
  return { ...meta, schemaVersion };
}

function readMeta(handle: Handle): SeedMeta {
  const row = handle
    .prepare('SELECT clinic_id, cursor, schema_version, hlc_wall, hlc_counter FROM seed.seed_meta WHERE id = 1')
    .get() as
    { clinic_id: string; cursor: string; schema_version: number; hlc_wall: number; hlc_counter: number } | undefined;
  if (!row) throw new SeedUnusable('The starting copy has no description');
  return {
    clinicId: row.clinic_id,
    cursor: row.cursor,
    schemaVersion: row.schema_version,
    clock: { wall: row.hlc_wall, counter: row.hlc_counter },
  };
}

/** Whether this desk holds nothing a copy would overwrite: no synced row but its own audit chain, no clock, no tombstone. */
export function seedCanFill(handle: Pick<Handle, 'prepare'>): boolean {
  const empty = (table: string) => handle.prepare(`SELECT 1 FROM ${quote(table)} LIMIT 1`).get() === undefined;
  return (
    Object.keys(SYNCED_TABLES).every((table) => table === 'audit_chains' || empty(table)) &&
    empty('sync_clocks') &&
    empty('sync_tombstones')
  );
}

/**
 * Takes the copy in, in one transaction with `inside` (which saves the cursor and clock it answers):
 * a desk stopped part-way has nothing of it and starts again. Triggers on the filled tables are
 * dropped and made again from their own SQL within the transaction. Answers the copy's description and
 * the synced rows it brought.
 */
export function fillFromSeed(
  handle: Handle,
  file: string,
  key: Buffer,
  expected: { clinicId: string; cursor: string },
  inside: (meta: SeedMeta) => void,
): { meta: SeedMeta; rows: number } {
  // An empty desk filled in one go: with a rollback journal the pages are written once, into the file
  // (new pages need no journal), where the write-ahead log would write them twice, the second time at
  // the next checkpoint (2.8 s against 5.4 s for the quick bench's copy). Back to WAL after; a desk
  // whose file another connection holds cannot switch and fills through the log instead.
  let switched = false;
  if (String(handle.pragma('main.journal_mode', { simple: true })) === 'wal') {
    try {
      switched = String(handle.pragma('main.journal_mode = DELETE', { simple: true })) === 'delete';
    } catch {
      // Another connection holds the file (SQLITE_BUSY): the fill goes through the log.
    }
  }
  try {
    return fillAttached(handle, file, key, expected, inside);
  } finally {
    if (switched) handle.pragma('main.journal_mode = WAL');
  }
}

function fillAttached(
  handle: Handle,
  file: string,
  key: Buffer,
  expected: { clinicId: string; cursor: string },
  inside: (meta: SeedMeta) => void,
): { meta: SeedMeta; rows: number } {
  return withSeedAttached(handle, file, key, () => {
    const meta = readMeta(handle);
    if (meta.clinicId !== expected.clinicId || meta.cursor !== expected.cursor)
      throw new SeedUnusable('The starting copy is not the one the server described');
    if (meta.schemaVersion !== currentVersion(handle))
      throw new SeedUnusable(
        `The starting copy was made at schema ${meta.schemaVersion}, this desk is at ${currentVersion(handle)}`,
      );
    if (!seedCanFill(handle)) throw new SeedUnusable('This desk already holds rows of its own');
    const inBoth = tablesIn(handle, 'seed');
    const names = seedTableNames().filter((name) => inBoth.has(name));
    const triggers = handle
      .prepare(
        `SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name IN (${names.map(() => '?').join(', ')})`,
      )
      .all(...names) as { name: string; sql: string }[];
    let rows = 0;
    handle.transaction(() => {
      for (const trigger of triggers) handle.exec(`DROP TRIGGER main.${quote(trigger.name)}`);
      for (const name of names) {
        // This desk's own audit chain stays; every other table is empty or a cache the copy replaces.
        if (name !== 'audit_chains') handle.exec(`DELETE FROM main.${quote(name)}`);
        const copied = copyTable(handle, name, 'main', 'seed');
        if (name in SYNCED_TABLES) rows += copied;
      }
      if (inBoth.has('sqlite_stat1') && tablesIn(handle, 'main').has('sqlite_stat1')) {
        handle.exec('DELETE FROM main.sqlite_stat1; INSERT INTO main.sqlite_stat1 SELECT * FROM seed.sqlite_stat1');
      }
      for (const trigger of triggers) handle.exec(trigger.sql);
      inside(meta);
    })();
    if (inBoth.has('sqlite_stat1')) handle.exec('ANALYZE sqlite_schema');
    return { meta, rows };
  });
}
