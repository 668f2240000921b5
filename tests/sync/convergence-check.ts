import { createHash } from 'node:crypto';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import type { SyncValue } from '../../src-shared/sync/protocol';
import { SYNCED_TABLES, type SyncedTableName } from '../../src-shared/sync/tables';
import type { OpenedDb } from '../../src-server/db/open';
import type { Core } from '../../src-main/core/app';

/**
 * What a convergence run compares at its end: every synced table as `key → values`, in one canonical
 * form for a desk (its SQLite rows), the server (its merged `rows`, visible ones) and the oracle (the
 * merge worked out by hand from every change any desk acknowledged).
 */
export type State = Map<string, Map<string, string>>;

const TABLES = Object.keys(SYNCED_TABLES).sort() as SyncedTableName[];

function canonical(table: SyncedTableName, values: Record<string, SyncValue | undefined>): string {
  return JSON.stringify(SYNCED_COLUMNS[table].columns.map((c) => values[c.name] ?? (c.name in values ? null : '∅')));
}

function travelling(value: unknown): SyncValue {
  if (Buffer.isBuffer(value)) return { b64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as SyncValue;
}

export function deskState(core: Core): State {
  const state: State = new Map();
  for (const table of TABLES) {
    const shape = SYNCED_COLUMNS[table];
    const rows = new Map<string, string>();
    for (const raw of core.database.handle.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, travelling(v)]));
      rows.set(JSON.stringify(shape.key.map((k) => values[k] ?? null)), canonical(table, values));
    }
    state.set(table, rows);
  }
  // A desk's own audit chain is its audit_log; what it has queued is its part of `audit_chains`.
  const handle = core.database.handle;
  const { device_id: device, audit_queued_seq: queued } = handle
    .prepare('SELECT device_id, audit_queued_seq FROM sync_state')
    .get() as { device_id: string; audit_queued_seq: number };
  const chains = state.get('audit_chains');
  for (const raw of handle.prepare('SELECT * FROM audit_log WHERE seq <= ?').all(queued) as Record<
    string,
    SyncValue
  >[]) {
    chains?.set(JSON.stringify([device, raw.seq]), canonical('audit_chains', { ...raw, device_id: device }));
  }
  return state;
}

export async function serverState(opened: OpenedDb, clinicId: string): Promise<State> {
  const state: State = new Map(TABLES.map((t) => [t, new Map<string, string>()]));
  const rows = await opened.db
    .selectFrom('rows')
    .select(['table_name', 'row_key', 'values', 'deleted_hlc', 'full_hlc', 'column_hlc'])
    .where('clinic_id', '=', clinicId)
    .execute();
  for (const row of rows) {
    const table = row.table_name as SyncedTableName;
    const visible =
      row.deleted_hlc === null
        ? row.full_hlc !== null || Object.keys(row.column_hlc as object).length > 0
        : row.full_hlc !== null && row.full_hlc > row.deleted_hlc;
    if (visible) state.get(table)?.set(row.row_key, canonical(table, row.values as Record<string, SyncValue>));
  }
  return state;
}

export interface Acknowledged {
  table: string;
  key: string;
  op: 'upsert' | 'delete';
  values: Record<string, SyncValue>;
  hlc: string;
}

/** Every change a desk captured (a write it acknowledged), from its outbox. */
export function acknowledged(core: Core): Acknowledged[] {
  return (
    core.database.handle.prepare('SELECT table_name, key_json, op, values_json, hlc FROM sync_changes').all() as {
      table_name: string;
      key_json: string;
      op: 'upsert' | 'delete';
      values_json: string;
      hlc: string;
    }[]
  ).map((row) => ({
    table: row.table_name,
    key: row.key_json,
    op: row.op,
    values: JSON.parse(row.values_json) as Record<string, SyncValue>,
    hlc: row.hlc,
  }));
}

/**
 * The state every acknowledged write implies, merged by the rules of docs/architecture.md written out
 * again here: per column the latest stamp wins, a delete hides every write stamped before it, a row
 * deleted comes back only by a whole new row stamped after the delete, a ledger row is its insert.
 */
export function oracleState(changes: readonly Acknowledged[]): State {
  const byRow = new Map<string, Acknowledged[]>();
  for (const change of changes) {
    const id = `${change.table}\u0000${change.key}`;
    const list = byRow.get(id) ?? [];
    list.push(change);
    byRow.set(id, list);
  }
  const state: State = new Map(TABLES.map((t) => [t, new Map<string, string>()]));
  for (const list of byRow.values()) {
    const first = list[0] as Acknowledged;
    const table = first.table as SyncedTableName;
    const columns = SYNCED_COLUMNS[table].columns.map((c) => c.name);
    const latest = (a: string | null, b: string) => (a === null || b > a ? b : a);
    let deleted: string | null = null;
    let full: string | null = null;
    for (const c of list) {
      if (c.op === 'delete') deleted = latest(deleted, c.hlc);
      else if (columns.every((name) => name in c.values)) full = latest(full, c.hlc);
    }
    const visible = deleted === null ? true : full !== null && full > deleted;
    if (!visible) continue;
    const values: Record<string, SyncValue> = {};
    const stamps: Record<string, string> = {};
    const upserts = list.filter((c) => c.op === 'upsert').sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    if (SYNCED_TABLES[table] === 'ledger') Object.assign(values, upserts[0]?.values);
    else {
      for (const c of upserts) {
        if (deleted !== null && c.hlc <= deleted) continue;
        for (const [column, value] of Object.entries(c.values)) {
          if (stamps[column] === undefined || c.hlc > stamps[column]) {
            values[column] = value;
            stamps[column] = c.hlc;
          }
        }
      }
    }
    state.get(table)?.set(first.key, canonical(table, values));
  }
  return state;
}

export function hashOf(state: State): string {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    hash.update(`\n#${table}`);
    const rows = [...(state.get(table) ?? new Map<string, string>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [key, values] of rows) hash.update(`\n${key}=${values}`);
  }
  return hash.digest('hex');
}

/** A readable account of where two states differ: the first few rows of each differing table. */
export function differences(a: State, b: State, names: [string, string], limit = 3): string[] {
  const out: string[] = [];
  for (const table of TABLES) {
    const left = a.get(table) ?? new Map<string, string>();
    const right = b.get(table) ?? new Map<string, string>();
    const keys = new Set([...left.keys(), ...right.keys()]);
    let shown = 0;
    for (const key of keys) {
      if (left.get(key) === right.get(key)) continue;
      if (shown === 0) out.push(`${table}:`);
      shown += 1;
      if (shown > limit) continue;
      out.push(
        `  ${key}\n    ${names[0]}: ${left.get(key) ?? '(absent)'}\n    ${names[1]}: ${right.get(key) ?? '(absent)'}`,
      );
    }
    if (shown > limit) out.push(`  … ${shown - limit} more rows`);
  }
  return out;
}
