import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import type { SyncValue } from '../../../src-shared/sync/protocol';
import { SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';
import { clampOutboxMarks, WAITING } from './repository';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;
type Row = Record<string, unknown>;

interface ForeignKey {
  from: string;
  table: string;
  to: string;
}

/**
 * A parent row that, once closed, refuses new children (a table's own trigger): an issued invoice takes
 * no more lines. The snapshot sends such a row as it was while open, then its children, then the
 * columns that close it, which is how it came to be on the first desk.
 */
export interface ClosedParent {
  /** Closed when this column holds this value: one rule, read in JavaScript and in SQL (bootstrap-fill). */
  closedWhen: { column: string; value: string };
  closed: (row: Row) => boolean;
  /** The open form's values of the columns that closing set. */
  open: Record<string, SyncValue>;
  children: { table: SyncedTableName; column: string }[];
}

export const CLOSED_PARENTS: Partial<Record<SyncedTableName, ClosedParent>> = {
  invoices: closedParent(
    { column: 'status', value: 'issued' },
    { status: 'draft', number: null, issued_on: null, issued_at: null, issued_by: null, issued_by_name: null },
    [{ table: 'invoice_lines', column: 'invoice_id' }],
  ),
};

function closedParent(
  closedWhen: ClosedParent['closedWhen'],
  open: ClosedParent['open'],
  children: ClosedParent['children'],
): ClosedParent {
  return { closedWhen, open, children, closed: (row) => row[closedWhen.column] === closedWhen.value };
}

function foreignKeys(handle: Handle, table: string): ForeignKey[] {
  return handle.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];
}

/**
 * The synced tables with every table after the tables its foreign keys point to (parents before
 * children), ties and cycles broken by the order of SYNCED_TABLES.
 */
export function snapshotTableOrder(handle: Handle): SyncedTableName[] {
  const names = Object.keys(SYNCED_TABLES) as SyncedTableName[];
  const parents = new Map(
    names.map((table) => [
      table,
      new Set(
        foreignKeys(handle, table)
          .map((fk) => fk.table)
          .filter((to) => to !== table && names.includes(to as SyncedTableName)),
      ),
    ]),
  );
  const placed = new Set<string>();
  const order: SyncedTableName[] = [];
  while (order.length < names.length) {
    const ready = names.find(
      (table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((p) => placed.has(p)),
    );
    const next = ready ?? names.find((table) => !placed.has(table));
    if (next === undefined) break;
    placed.add(next);
    order.push(next);
  }
  return order;
}

/** A table's rows with every row after the row of the same table it refers to (a credit note after its invoice). */
function rowsInOrder(handle: Handle, table: SyncedTableName): Row[] {
  const rows = handle.prepare(`SELECT * FROM "${table}"`).all() as Row[];
  const selfKeys = foreignKeys(handle, table).filter((fk) => fk.table === table && fk.to);
  if (selfKeys.length === 0) return rows;
  const to = selfKeys[0]?.to ?? 'id';
  const byKey = new Map(rows.map((row) => [row[to], row]));
  const done = new Set<Row>();
  const ordered: Row[] = [];
  const visit = (row: Row, depth: number) => {
    if (done.has(row)) return;
    done.add(row);
    for (const fk of selfKeys) {
      const parent = byKey.get(row[fk.from]);
      if (parent && depth < 1000) visit(parent, depth + 1);
    }
    ordered.push(row);
  };
  for (const row of rows) visit(row, 0);
  return ordered;
}

function travelling(value: unknown): SyncValue {
  if (Buffer.isBuffer(value)) return { b64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as SyncValue;
}

/**
 * The first desk of a clinic: one full upsert per synced row it holds, in an order a joining desk can
 * apply as it comes (parents before children, a closed parent's children before it closes; see
 * CLOSED_PARENTS). Rows written before the capture triggers existed (migrations' defaults, a seed, the
 * set-up) are in no outbox, and the server and later desks need whole rows.
 *
 * The changes already waiting to be pushed are history the snapshot holds as it is now: a record's
 * waiting edits are dropped (replayed after the snapshot they would reopen an issued invoice; replayed
 * before it, they would miss the set-up rows they point to), a ledger's waiting insert is kept instead
 * of its snapshot row (it is the same insert, with the user who made it), and what is kept is stamped
 * after the snapshot so every desk applies it after. Returns how many snapshot rows were queued.
 */
export function enqueueSnapshot(handle: Handle, stamp: () => string, changeId: () => string): number {
  const waiting = handle
    .prepare(`SELECT seq, table_name, key_json, op FROM sync_changes WHERE ${WAITING} ORDER BY seq`)
    .all() as { seq: number; table_name: string; key_json: string; op: 'upsert' | 'delete' }[];
  const waitingLedger = new Set(
    waiting
      .filter((w) => w.op === 'upsert' && SYNCED_TABLES[w.table_name as SyncedTableName] === 'ledger')
      .map((w) => `${w.table_name}\u0000${w.key_json}`),
  );
  handle.exec(`
    DROP TABLE IF EXISTS temp.sync_waiting;
    CREATE TEMP TABLE sync_waiting AS SELECT * FROM sync_changes WHERE ${WAITING} ORDER BY seq;
    DELETE FROM sync_changes WHERE ${WAITING};
  `);
  clampOutboxMarks(handle);
  const insert = handle.prepare(
    "INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, user_id) VALUES (?, ?, ?, 'upsert', ?, ?, NULL)",
  );
  const sent = new Set<string>();
  let queued = 0;
  const send = (table: SyncedTableName, row: Row, override: Record<string, SyncValue> | null, only?: string[]) => {
    const shape = SYNCED_COLUMNS[table];
    const key = JSON.stringify(shape.key.map((column) => travelling(row[column])));
    if (!only) {
      const id = `${table}\u0000${key}`;
      if (sent.has(id)) return;
      sent.add(id);
      if (waitingLedger.has(id)) return;
    }
    const values: Record<string, SyncValue> = {};
    for (const column of shape.columns) {
      if (only && !only.includes(column.name)) continue;
      values[column.name] =
        override && Object.hasOwn(override, column.name)
          ? (override[column.name] ?? null)
          : travelling(row[column.name]);
    }
    insert.run(changeId(), table, key, JSON.stringify(values), stamp());
    queued += 1;
  };

  const ordered = new Map<SyncedTableName, Row[]>();
  const rowsOf = (table: SyncedTableName) => {
    let rows = ordered.get(table);
    if (!rows) {
      rows = rowsInOrder(handle, table);
      ordered.set(table, rows);
    }
    return rows;
  };
  for (const table of snapshotTableOrder(handle)) {
    const closing = CLOSED_PARENTS[table];
    const rows = rowsOf(table);
    if (closing) {
      const parentKey = SYNCED_COLUMNS[table].key[0] ?? 'id';
      for (const row of rows.filter((r) => closing.closed(r))) {
        send(table, row, closing.open);
        for (const child of closing.children) {
          for (const line of rowsOf(child.table))
            if (line[child.column] === row[parentKey]) send(child.table, line, null);
        }
        send(table, row, null, Object.keys(closing.open));
      }
    }
    for (const row of rows) send(table, row, null);
  }

  // What was waiting: a record's edits are in the snapshot; the rest goes after it, freshly stamped.
  const keep = handle.prepare('SELECT seq, table_name, key_json FROM temp.sync_waiting ORDER BY seq').all() as {
    seq: number;
    table_name: string;
    key_json: string;
  }[];
  const requeue = handle.prepare(`
    INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, user_id, status, reject_code, reject_reason)
      SELECT change_id, table_name, key_json, op, values_json, ?, user_id, status, reject_code, reject_reason
      FROM temp.sync_waiting WHERE seq = ?`);
  for (const change of keep) {
    const id = `${change.table_name}\u0000${change.key_json}`;
    const superseded = sent.has(id) && !waitingLedger.has(id);
    if (!superseded) requeue.run(stamp(), change.seq);
  }
  handle.exec('DROP TABLE temp.sync_waiting');
  return queued;
}
