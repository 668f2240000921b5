import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import { COLUMN_GROUPS, SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';

/**
 * The JSON the capture triggers put in `sync_changes.values_json`, built here rather than in SQL.
 * The triggers pass only values, in columns.generated.ts order: `sync_row('table', NEW.c1, NEW.c2, ...)`
 * for an insert, `sync_update('table', NEW.c1, OLD.c1, NEW.c2, OLD.c2, ...)` for an update. Written in
 * SQL (`json_object('c1', NEW.c1, ...)`, then `json_each` over it to keep the changed columns), the
 * triggers were 245 KB of a new clinic's 371 KB of schema, which SQLite parses at every open (146 KB
 * now), and an update's ran for every column.
 */
interface TablePlan {
  names: readonly string[];
  /** `"name":` for each column, ready to join. */
  labels: readonly string[];
  /** Positions of the key's columns. */
  key: readonly number[];
  /** Positions outside the key. */
  others: readonly number[];
  all: readonly number[];
  /** For each position: the positions whose change makes it travel (its column group, or itself). */
  movers: readonly (readonly number[])[];
}

const plans = new Map<string, TablePlan>();

function planOf(table: unknown, fn: string): TablePlan {
  let plan = typeof table === 'string' ? plans.get(table) : undefined;
  if (plan) return plan;
  if (typeof table !== 'string' || !(table in SYNCED_TABLES))
    throw new Error(`${fn}: ${String(table)} is not a synced table`);
  const name = table as SyncedTableName;
  const shape = SYNCED_COLUMNS[name];
  const names = shape.columns.map((column) => column.name);
  const position = new Map(names.map((column, index) => [column, index]));
  const key = shape.key.map((column) => position.get(column) ?? -1);
  plan = {
    names,
    labels: names.map((column) => `${JSON.stringify(column)}:`),
    key,
    others: names.map((_, index) => index).filter((index) => !key.includes(index)),
    all: names.map((_, index) => index),
    movers: names.map((column, index) => {
      const group = COLUMN_GROUPS[name]?.find((members) => members.includes(column)) ?? [column];
      return group.map((member) => position.get(member) ?? index);
    }),
  };
  plans.set(table, plan);
  return plan;
}

/** The columns a table's triggers pass, in the order they pass them. */
export function captureColumns(table: SyncedTableName): readonly string[] {
  return planOf(table, 'captureColumns').names;
}

/** SQLite's `IS`: both NULL, or equal values (bytes compared for a BLOB). Integers arrive as BigInt, exactly. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  // An INTEGER and a REAL of one value (a column without STRICT typing): equal, as SQLite says.
  if (typeof a === 'bigint' && typeof b === 'number') return Number.isInteger(b) && a === BigInt(b);
  if (typeof a === 'number' && typeof b === 'bigint') return Number.isInteger(a) && b === BigInt(a);
  return false;
}

/**
 * One SQLite value as JSON: an integer exactly (it arrives as BigInt), bytes as `{"b64": ...}` (JSON
 * has none). A REAL that is not finite has no JSON; SQLite's own json_object wrote 9e999 for it, which
 * reads back as Infinity, so that is what it stays.
 */
function encode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : value > 0 ? '9e999' : '-9e999';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return `{"b64":${JSON.stringify(value.toString('base64'))}}`;
  throw new Error(`capture: a value of type ${typeof value} cannot be sent`);
}

function objectOf(plan: TablePlan, positions: readonly number[], valueAt: (position: number) => unknown): string {
  let json = '{';
  for (let i = 0; i < positions.length; i += 1) {
    const position = positions[i] as number;
    json += `${i === 0 ? '' : ','}${plan.labels[position] as string}${encode(valueAt(position))}`;
  }
  return `${json}}`;
}

/**
 * The body of `sync_row(table, c1, c2, ...)`: every column of an inserted row. A wrong number of values
 * is an error, never a change with columns missing.
 */
export function rowValues(table: unknown, values: readonly unknown[]): string {
  const plan = planOf(table, 'sync_row');
  if (values.length !== plan.names.length)
    throw new Error(`sync_row: ${String(table)} has ${plan.names.length} columns, ${values.length} were passed`);
  return objectOf(plan, plan.all, (position) => values[position]);
}

/**
 * The body of `sync_update(table, NEW.c1, OLD.c1, ...)`: the columns that changed, each with the rest
 * of its group (src-shared/sync/tables.ts COLUMN_GROUPS), at their new values; null when none did.
 * When the key changed the row is, to other desks, a new one: every column travels (the trigger sends
 * the old key's deletion first). An unknown table or a wrong number of values is an error, never a
 * silent "nothing changed": the trigger would then drop a change.
 */
export function updateValues(table: unknown, pairs: readonly unknown[]): string | null {
  const plan = planOf(table, 'sync_update');
  if (pairs.length !== plan.names.length * 2)
    throw new Error(`sync_update: ${String(table)} has ${plan.names.length} columns, ${pairs.length / 2} were passed`);
  const newAt = (position: number) => pairs[2 * position];
  const moved = (position: number) => !same(pairs[2 * position], pairs[2 * position + 1]);
  if (plan.key.some(moved)) return objectOf(plan, plan.all, newAt);
  const travelling = travellingOthers(plan, moved);
  return travelling.length === 0 ? null : objectOf(plan, travelling, newAt);
}

/** The positions outside the key that travel: those whose group has a member that moved. */
function travellingOthers(plan: TablePlan, moved: (position: number) => boolean): number[] {
  return plan.others.filter((position) => plan.movers[position]?.some(moved));
}

/**
 * `sync_changed(table, NEW.c, OLD.c, ...)` over the columns outside the key: what the update triggers
 * of versions before `sync_update` called. A desk opening with this version still has those triggers
 * while its migrations run (they are replaced after), and SQLite resolves a trigger's functions when
 * any statement on its table is prepared, capturing or not; so the name stays registered.
 */
export function changedColumnsOfOldTriggers(table: unknown, pairs: readonly unknown[]): string {
  const plan = planOf(table, 'sync_changed');
  if (pairs.length !== plan.others.length * 2)
    throw new Error(
      `sync_changed: ${String(table)} has ${plan.others.length} columns, ${pairs.length / 2} were passed`,
    );
  const moved = new Map(
    plan.others.map((position, index) => [position, !same(pairs[2 * index], pairs[2 * index + 1])]),
  );
  return JSON.stringify(
    travellingOthers(plan, (position) => moved.get(position) === true).map((position) => plan.names[position]),
  );
}
