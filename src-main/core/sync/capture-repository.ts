import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';
import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import { captureColumns } from './capture-values';

type TableShape = (typeof SYNCED_COLUMNS)[SyncedTableName];

/**
 * Capture by triggers generated from the live schema: whichever code path writes a synced table (a
 * procedure, a sweep, a migration's later data fix), the change lands in `sync_changes` in the same
 * transaction, or not at all. INSERT records every column, UPDATE only the columns that changed,
 * DELETE the key; a BLOB travels as `{ "b64": ... }`. The JSON is built by functions of this process
 * (./capture-values.ts), so a trigger names each column once or twice and nothing more. The triggers
 * are compared with what the schema asks for at every open and replaced when a migration changed a
 * table's columns.
 *
 * The columns come from columns.generated.ts, not from `PRAGMA table_info` of each table at open (about
 * 100 pragma reads, a few ms of every start): the file is printed from the migrated schema, and
 * tests/unit/sync-tables.test.ts fails whenever it no longer matches it, so both give the same triggers.
 * Built once per process: the text depends only on that file.
 */
export function captureTriggers(): Map<string, string> {
  if (wantedTriggers) return wantedTriggers;
  const triggers = new Map<string, string>();
  for (const table of Object.keys(SYNCED_TABLES) as SyncedTableName[]) {
    for (const [name, sql] of triggersFor(table, SYNCED_COLUMNS[table])) triggers.set(name, sql);
  }
  wantedTriggers = triggers;
  return triggers;
}

let wantedTriggers: Map<string, string> | undefined;

const OUTBOX = 'INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, user_id)';

function triggersFor(table: SyncedTableName, shape: TableShape): [string, string][] {
  const keyOf = (row: 'NEW' | 'OLD') => `json_array(${shape.key.map((k) => `${row}."${k}"`).join(', ')})`;
  const sameKey = shape.key.map((k) => `NEW."${k}" IS OLD."${k}"`).join(' AND ');
  const columns = captureColumns(table);
  const newValues = columns.map((c) => `NEW."${c}"`).join(', ');
  const pairs = columns.map((c) => `NEW."${c}", OLD."${c}"`).join(', ');
  const name = (suffix: string) => `sync_capture_${table}_${suffix}`;
  const stamp = `sync_hlc(), sync_user()`;
  return [
    [
      name('insert'),
      `CREATE TRIGGER ${name('insert')} AFTER INSERT ON "${table}" WHEN sync_capturing() BEGIN ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('NEW')}, 'upsert', sync_row('${table}', ${newValues}), ${stamp}); END`,
    ],
    [
      name('delete'),
      `CREATE TRIGGER ${name('delete')} AFTER DELETE ON "${table}" WHEN sync_capturing() BEGIN ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('OLD')}, 'delete', '{}', ${stamp}); END`,
    ],
    [
      // A key changed: the old row is gone and a new one exists, as far as other desks can tell, so
      // the old key's deletion goes first and `sync_update` then sends every column. The LIMIT keeps
      // SQLite from flattening the subquery, which would call `sync_update` twice.
      name('update'),
      `CREATE TRIGGER ${name('update')} AFTER UPDATE ON "${table}" WHEN sync_capturing() BEGIN ${OUTBOX} SELECT sync_change_id(), '${table}', ${keyOf('OLD')}, 'delete', '{}', ${stamp} WHERE NOT (${sameKey}); ${OUTBOX} SELECT sync_change_id(), '${table}', ${keyOf('NEW')}, 'upsert', v, ${stamp} FROM (SELECT sync_update('${table}', ${pairs}) AS v LIMIT 1) WHERE v IS NOT NULL; END`,
    ],
  ];
}

/**
 * Creates the capture triggers that are missing or differ from what the schema asks for now, and
 * drops capture triggers of tables no longer synced. Returns how many it (re)made. The caller runs it
 * inside a transaction.
 */
export function installCaptureTriggers(handle: Pick<BetterSqlite3.Database, 'prepare' | 'exec'>): number {
  const wanted = captureTriggers();
  const existing = new Map(
    (
      handle
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_capture\\_%' ESCAPE '\\'",
        )
        .all() as { name: string; sql: string }[]
    ).map((row) => [row.name, row.sql]),
  );
  let made = 0;
  for (const [name, sql] of existing) {
    if (wanted.get(name) === sql) continue;
    handle.exec(`DROP TRIGGER "${name}"`);
  }
  for (const [name, sql] of wanted) {
    if (existing.get(name) === sql) continue;
    handle.exec(sql);
    made += 1;
  }
  return made;
}
