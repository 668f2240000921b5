import { SYNCED_COLUMNS, type SyncedColumn } from '../../src-shared/sync/columns.generated';
import { syncChangeSchema, type SyncChange, type SyncValue } from '../../src-shared/sync/protocol';
import { isSyncedTable, SYNCED_TABLES, type SyncedTableName } from '../../src-shared/sync/tables';

/** Why a change was refused; `code` is stable for the desk, `reason` is for the person reading it. */
export interface Refusal {
  code:
    | 'MALFORMED'
    | 'UNKNOWN_TABLE'
    | 'BAD_KEY'
    | 'UNKNOWN_COLUMN'
    | 'BAD_VALUE'
    | 'INCOMPLETE_ROW'
    | 'LEDGER_IMMUTABLE'
    | 'LEDGER_KEY_TAKEN'
    | 'WRONG_DEVICE'
    | 'CHANGE_ID_TAKEN'
    | 'UNKNOWN_USER'
    | 'DISABLED_USER'
    | 'AUDIT_CHAIN';
  reason: string;
}

export type Parsed = { ok: true; change: SyncChange } | { ok: false; id: string; refusal: Refusal; raw: unknown };

/** Each change is parsed on its own, so one malformed change is refused without refusing the batch. */
export function parseChange(raw: unknown): Parsed {
  const result = syncChangeSchema.safeParse(raw);
  if (result.success) return { ok: true, change: result.data };
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '';
  const issue = result.error.issues[0];
  const where = issue ? issue.path.join('.') || 'change' : 'change';
  return {
    ok: false,
    id: id.slice(0, 64),
    refusal: { code: 'MALFORMED', reason: `${where}: ${issue?.message ?? 'not a change'}` },
    raw,
  };
}

/** The HLC's device part, after `wall:counter:`. */
export function hlcDevice(hlc: string): string {
  return hlc.slice(23);
}
export function hlcWall(hlc: string): number {
  return Number(hlc.slice(0, 15));
}

/**
 * What can be judged from the change alone and the device that sent it: the table replicates, the key
 * and every column exist with the type the desk's schema gives them, a ledger is only ever inserted,
 * and the change says it came from the device that is pushing it.
 */
export function checkShape(change: SyncChange, deviceId: string): Refusal | null {
  if (change.deviceId !== deviceId || hlcDevice(change.hlc) !== deviceId) {
    return { code: 'WRONG_DEVICE', reason: 'deviceId and the HLC must name the device that pushes the change' };
  }
  // PostgreSQL stores neither a NUL character nor half a surrogate pair: refused here, such a change
  // would fail the whole push at the database and hold up every change behind it, again at each retry.
  if (change.key.some((value) => typeof value === 'string' && !storable(value))) {
    return { code: 'BAD_KEY', reason: 'the key holds a NUL character or broken Unicode' };
  }
  if (change.userId !== null && !storable(change.userId)) {
    return { code: 'UNKNOWN_USER', reason: 'the user id holds a NUL character or broken Unicode' };
  }
  for (const [name, value] of Object.entries(change.values)) {
    if (typeof value === 'string' && !storable(value)) {
      return { code: 'BAD_VALUE', reason: `${change.table}.${name} holds a NUL character or broken Unicode` };
    }
  }
  if (!isSyncedTable(change.table)) {
    return { code: 'UNKNOWN_TABLE', reason: `table ${change.table} does not replicate` };
  }
  const spec = SYNCED_COLUMNS[change.table];
  if (change.key.length !== spec.key.length) {
    return {
      code: 'BAD_KEY',
      reason: `${change.table}'s key is (${spec.key.join(', ')}): ${spec.key.length} value(s)`,
    };
  }
  const byName = new Map(spec.columns.map((column) => [column.name, column]));
  for (const [index, keyName] of spec.key.entries()) {
    const column = byName.get(keyName);
    const value = change.key[index];
    if (!column || value === undefined || value === null || typeOf(column, value) !== null) {
      return { code: 'BAD_KEY', reason: `key ${keyName} must be ${column?.type ?? 'known'}` };
    }
  }
  for (const [name, value] of Object.entries(change.values)) {
    const column = byName.get(name);
    if (!column) return { code: 'UNKNOWN_COLUMN', reason: `${change.table} has no synced column ${name}` };
    const problem = typeOf(column, value);
    if (problem) return { code: 'BAD_VALUE', reason: `${change.table}.${name} ${problem}` };
    const keyIndex = spec.key.indexOf(name);
    if (keyIndex >= 0 && value !== change.key[keyIndex]) {
      return { code: 'BAD_KEY', reason: `${change.table}.${name} differs from the change's key` };
    }
  }
  if (SYNCED_TABLES[change.table] === 'ledger') {
    if (change.op !== 'upsert') {
      return { code: 'LEDGER_IMMUTABLE', reason: `${change.table} is a ledger: rows are only ever inserted` };
    }
    const missing = spec.columns.find(
      (column) => column.notNull && !spec.key.includes(column.name) && !Object.hasOwn(change.values, column.name),
    );
    if (missing) {
      return { code: 'INCOMPLETE_ROW', reason: `a ${change.table} row is inserted whole: ${missing.name} is missing` };
    }
  } else if (change.op === 'delete' && Object.keys(change.values).length > 0) {
    return { code: 'MALFORMED', reason: 'a delete carries no values' };
  }
  return null;
}

export function nonKeyColumns(table: SyncedTableName): string[] {
  const spec = SYNCED_COLUMNS[table];
  return spec.columns.filter((column) => !spec.key.includes(column.name)).map((column) => column.name);
}

// eslint-disable-next-line no-control-regex -- finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can hold: no NUL, no lone surrogate. */
export function storable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** A copy fit to record (a refusal, an audit entry): NULs and lone surrogates become U+FFFD. */
export function scrub(value: unknown): unknown {
  if (typeof value === 'string') return storable(value) ? value : value.replace(new RegExp(UNSTORABLE, 'g'), '\uFFFD');
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k) as string, scrub(v)]));
  }
  return value;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** null when `value` fits the column as the desk's SQLite schema declares it; else what is wrong. */
function typeOf(column: SyncedColumn, value: SyncValue): string | null {
  if (value === null) return column.notNull ? 'must not be null' : null;
  switch (column.type) {
    case 'TEXT':
      return typeof value === 'string' ? null : 'must be text';
    case 'INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : 'must be a whole number';
    case 'REAL':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a finite number';
    case 'BLOB':
      return typeof value === 'object' && BASE64.test(value.b64) ? null : 'must be base64 bytes ({ b64 })';
  }
}
