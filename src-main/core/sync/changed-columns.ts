import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import { COLUMN_GROUPS, SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';

/**
 * What an UPDATE's capture trigger sends: the columns that changed, each with the rest of its group
 * (src-shared/sync/tables.ts COLUMN_GROUPS). The trigger passes `sync_changed('table', NEW.c, OLD.c, ...)`
 * for every column outside the key, in columns.generated.ts order, and keeps those of the row's values
 * this names. Deciding it here rather than in SQL (a `SELECT ... WHERE NEW.c IS NOT OLD.c` per column)
 * made the triggers a third shorter, and SQLite parses every trigger of the schema at each open.
 */
interface ChangePlan {
  names: readonly string[];
  /** For each column (by position among `names`): the positions whose change makes it travel. */
  movers: readonly (readonly number[])[];
}

/** The columns outside the key, in the order the trigger passes them. */
export function changeColumns(table: SyncedTableName): string[] {
  const shape = SYNCED_COLUMNS[table];
  return shape.columns.map((column) => column.name).filter((name) => !shape.key.includes(name));
}

const plans = new Map<string, ChangePlan>();

function planOf(table: string): ChangePlan | undefined {
  let plan = plans.get(table);
  if (plan || !(table in SYNCED_TABLES)) return plan;
  const name = table as SyncedTableName;
  const names = changeColumns(name);
  const position = new Map(names.map((column, index) => [column, index]));
  const movers = names.map((column, index) => {
    // A member outside `names` is a key column, which an UPDATE capture never sees change.
    const group = COLUMN_GROUPS[name]?.find((members) => members.includes(column)) ?? [column];
    return group.map((member) => position.get(member) ?? index);
  });
  plan = { names, movers };
  plans.set(table, plan);
  return plan;
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
 * The body of `sync_changed(table, NEW.c1, OLD.c1, NEW.c2, OLD.c2, ...)`: a JSON array of the column
 * names that travel. An unknown table or a wrong number of values is an error, never a silent "nothing
 * changed": the trigger would then drop a change.
 */
export function changedColumns(table: unknown, pairs: unknown[]): string {
  const plan = typeof table === 'string' ? planOf(table) : undefined;
  if (!plan) throw new Error(`sync_changed: ${String(table)} is not a synced table`);
  if (pairs.length !== plan.names.length * 2)
    throw new Error(`sync_changed: ${String(table)} has ${plan.names.length} columns, ${pairs.length / 2} were passed`);
  const moved = plan.names.map((_, index) => !same(pairs[2 * index], pairs[2 * index + 1]));
  const travelling = plan.names.filter((_, index) => plan.movers[index]?.some((at) => moved[at]));
  return JSON.stringify(travelling);
}
