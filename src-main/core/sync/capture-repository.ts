import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { COLUMN_GROUPS, SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';
import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import { changeColumns } from './changed-columns';

type TableShape = (typeof SYNCED_COLUMNS)[SyncedTableName];

/**
 * Capture by triggers generated from the live schema: whichever code path writes a synced table (a
 * procedure, a sweep, a migration's later data fix), the change lands in `sync_changes` in the same
 * transaction, or not at all. INSERT records every column, UPDATE only the columns that changed,
 * DELETE the key; a BLOB travels as `{ "b64": ... }`. The triggers are compared with what the schema
 * asks for at every open and replaced when a migration changed a table's columns.
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

/** The columns whose change makes `column` travel too: itself and the rest of its group. */
function travelsWith(table: SyncedTableName, column: string): readonly string[] {
  return COLUMN_GROUPS[table]?.find((group) => group.includes(column)) ?? [column];
}

function triggersFor(table: SyncedTableName, shape: TableShape): [string, string][] {
  const keyOf = (row: 'NEW' | 'OLD') => `json_array(${shape.key.map((k) => `${row}."${k}"`).join(', ')})`;
  const blob = new Set(shape.columns.filter((c) => c.type === 'BLOB').map((c) => c.name));
  // Inside json_object a BLOB must become an object (JSON has no bytes); everything else goes as is.
  const direct = (c: string) =>
    blob.has(c)
      ? `CASE WHEN NEW."${c}" IS NULL THEN NULL ELSE json_object('b64', sync_b64(NEW."${c}")) END`
      : `NEW."${c}"`;
  const allValues = `json_object(${shape.columns.map((c) => `'${c.name}', ${direct(c.name)}`).join(', ')})`;
  const sameKey = shape.key.map((k) => `NEW."${k}" IS OLD."${k}"`).join(' AND ');
  const others = changeColumns(table);
  // The row's values as the insert sends them, kept to the columns `sync_changed` names; a BLOB is
  // encoded only when it travels (an unchanged document's bytes are not base64'd on every update).
  const updatedValues = `json_object(${shape.columns
    .filter((c) => !shape.key.includes(c.name))
    .map((c) =>
      blob.has(c.name)
        ? `'${c.name}', CASE WHEN ${travelsWith(table, c.name)
            .map((g) => `NEW."${g}" IS NOT OLD."${g}"`)
            .join(' OR ')} THEN ${direct(c.name)} END`
        : `'${c.name}', NEW."${c.name}"`,
    )
    .join(', ')})`;
  const changedArgs = others.map((c) => `NEW."${c}", OLD."${c}"`).join(', ');
  const name = (suffix: string) => `sync_capture_${table}_${suffix}`;
  const stamp = `sync_hlc(), sync_user()`;
  const result: [string, string][] = [
    [
      name('insert'),
      `CREATE TRIGGER ${name('insert')} AFTER INSERT ON "${table}" WHEN sync_capturing() BEGIN ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('NEW')}, 'upsert', ${allValues}, ${stamp}); END`,
    ],
    [
      name('delete'),
      `CREATE TRIGGER ${name('delete')} AFTER DELETE ON "${table}" WHEN sync_capturing() BEGIN ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('OLD')}, 'delete', '{}', ${stamp}); END`,
    ],
    [
      // A key changed: the old row is gone and a new one exists, as far as other desks can tell.
      name('rekey'),
      `CREATE TRIGGER ${name('rekey')} AFTER UPDATE ON "${table}" WHEN sync_capturing() AND NOT (${sameKey}) BEGIN ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('OLD')}, 'delete', '{}', ${stamp}); ${OUTBOX} VALUES (sync_change_id(), '${table}', ${keyOf('NEW')}, 'upsert', ${allValues}, ${stamp}); END`,
    ],
  ];
  if (others.length > 0) {
    result.push([
      name('update'),
      `CREATE TRIGGER ${name('update')} AFTER UPDATE ON "${table}" WHEN sync_capturing() AND ${sameKey} BEGIN ${OUTBOX} SELECT sync_change_id(), '${table}', ${keyOf('NEW')}, 'upsert', v, ${stamp} FROM (SELECT json_group_object(j.key, j.value) AS v FROM json_each(${updatedValues}) AS j WHERE j.key IN (SELECT value FROM json_each(sync_changed('${table}', ${changedArgs})))) WHERE v <> '{}'; END`,
    ]);
  }
  return result;
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
