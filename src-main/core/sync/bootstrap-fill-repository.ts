import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { statement, type Cell } from './apply-repository';
import type { SyncValue } from '../../../src-shared/sync/protocol';
import type { TableColumns } from './schema-repository';

/**
 * The bulk path's rows put in by SQL straight from the stage (issue 17's new desk), a page at a time:
 * one INSERT … SELECT for the page's rows, one for their clocks, one DELETE from the stage, instead of
 * parsing each row's JSON in JavaScript and running three statements for it. Measured on the quick
 * bench clinic, parsing the staged rows and building each one's values took about half of the merge.
 *
 * Only what the row-by-row bulk path (insertWhole in bootstrap-bulk.ts) would insert as it is goes this
 * way: a row that is whole (every column of this desk's table in its values), visible (not deleted, or
 * made whole again after its delete) and whose values are plain JSON scalars (no blob, no boolean, no
 * object). Every other row of the page stays on the stage for that path, which decides it as before
 * (a tombstone, a partial row skipped, a blob decoded). A page whose INSERT is refused (a parent not here
 * yet, a number already taken) is rolled back to its savepoint and the whole page goes row by row.
 * A closed parent (an issued invoice) goes in open, then its staged children, then closes, as the row
 * path does it one parent at a time.
 */

type Handle = BetterSqlite3.Database;

export interface FilledPage {
  /** The last stage place the page covers (filled rows and the ones left for the row-by-row path). */
  lastN: number;
  /** The rows put in (a closed parent's children too), as the table now holds them; null when refused. */
  rows: { table: string; row: Record<string, Cell> }[] | null;
  /** The latest stamp the filled rows carry (the desk's clock takes it), null when none. */
  latest: string | null;
}

/** A closed parent's table as the fill needs it (snapshot-repository.ts, CLOSED_PARENTS). */
export interface ClosingFill {
  closedWhen: { column: string; value: string };
  open: Record<string, SyncValue>;
  child: { table: string; shape: TableColumns; column: string };
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
const valuePath = (column: string) => text(`$.values.${column}`);

/** Where a statement finds its rows: the page's (sync_fill_rows) or its closed parents' children. */
type Source = 'sync_fill_rows' | 'sync_fill_children';

interface FillStatements {
  insert: BetterSqlite3.Statement;
  clocks: BetterSqlite3.Statement;
  latest: BetterSqlite3.Statement;
  read: BetterSqlite3.Statement;
  unstage: BetterSqlite3.Statement;
}

/**
 * Whole, visible and plain (see the file's comment), for stage row `s`. The stamps are those of the row
 * as the server holds it; a compacted row (columnsAtFull) has every column of its values at its fullHlc.
 */
function eligible(shape: TableColumns): string {
  const nonKey = shape.columns.filter((c) => !shape.key.includes(c.name));
  return [
    `json_array_length(s.key_json) = ${shape.key.length}`,
    `((json_extract(s.row_json, '$.deletedHlc') IS NULL AND (json_extract(s.row_json, '$.columnsAtFull') = 1
        OR EXISTS (SELECT 1 FROM json_each(s.row_json, '$.columnHlc'))))
      OR json_extract(s.row_json, '$.fullHlc') > json_extract(s.row_json, '$.deletedHlc'))`,
    ...nonKey.map((c) => `json_type(s.row_json, ${valuePath(c.name)}) IS NOT NULL`),
    `NOT EXISTS (SELECT 1 FROM json_each(s.row_json, '$.values') v WHERE v.type IN ('object', 'array', 'true', 'false'))`,
    `NOT EXISTS (SELECT 1 FROM json_each(s.key_json) k WHERE k.type NOT IN ('text', 'integer', 'real'))`,
  ].join(' AND ');
}

const keyOf = (i: number) => `json_extract(s.key_json, '$[${i}]')`;

/** A column's value from its stage row: from the key for a key column, else from the values. */
function valueOf(shape: TableColumns, column: string): string {
  const at = shape.key.indexOf(column);
  return at >= 0 ? keyOf(at) : `json_extract(s.row_json, ${valuePath(column)})`;
}

/** A literal for an open form's value (strings, numbers and nulls only). */
function literal(value: SyncValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return text(value);
  throw new Error('an open form holds strings, numbers and nulls only');
}

function statementsFor(handle: Handle, table: string, shape: TableColumns, source: Source, closing?: ClosingFill) {
  const rows = `FROM temp.${source} f CROSS JOIN sync_snapshot_stage s ON s.n = f.n`;
  // A closed parent goes in as it was while open; its children go in; then it closes (closeParents).
  const values = shape.columns.map((c) => {
    const value = valueOf(shape, c.name);
    const open = closing && Object.hasOwn(closing.open, c.name) ? closing.open[c.name] : undefined;
    return open === undefined || !closing
      ? value
      : `CASE WHEN ${closedTest(closing)} THEN ${literal(open)} ELSE ${value} END`;
  });
  const keyMatch = shape.key.map((column, i) => `t.${q(column)} = ${keyOf(i)}`).join(' AND ');
  const kept = shape.columns.filter((c) => !shape.key.includes(c.name)).map((c) => text(c.name));
  const statements: FillStatements = {
    insert: statement(
      handle,
      `INSERT INTO ${q(table)} (${shape.columns.map((c) => q(c.name)).join(', ')}) SELECT ${values.join(', ')} ${rows} ORDER BY s.n`,
    ),
    // The whole row's clock, and a clock of its own for a column stamped after it (writeInsertedClocks).
    clocks: statement(
      handle,
      `INSERT INTO sync_clocks (table_name, key_json, column_name, hlc)
       SELECT s.table_name, s.key_json, '*', json_extract(s.row_json, '$.fullHlc') ${rows}
        WHERE json_extract(s.row_json, '$.fullHlc') IS NOT NULL
       UNION ALL
       SELECT s.table_name, s.key_json, c.key, c.value ${rows}, json_each(s.row_json, '$.columnHlc') c
        WHERE c.key IN (${kept.join(', ') || 'NULL'}) AND c.type = 'text'
          AND (json_extract(s.row_json, '$.fullHlc') IS NULL OR c.value > json_extract(s.row_json, '$.fullHlc'))
       ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_clocks.hlc`,
    ),
    latest: statement(
      handle,
      `SELECT max(stamp) AS latest FROM (
         SELECT json_extract(s.row_json, '$.fullHlc') AS stamp ${rows}
         UNION ALL SELECT json_extract(s.row_json, '$.deletedHlc') ${rows}
         UNION ALL SELECT c.value ${rows}, json_each(s.row_json, '$.columnHlc') c WHERE c.type = 'text')`,
    ),
    read: statement(handle, `SELECT t.* ${rows} CROSS JOIN ${q(table)} t ON ${keyMatch} ORDER BY s.n`),
    unstage: statement(handle, `DELETE FROM sync_snapshot_stage WHERE n IN (SELECT n FROM temp.${source})`),
  };
  return statements;
}

/** Thrown inside the page's savepoint to undo it: a closed parent's child that only the row path can take. */
class RowByRow extends Error {}

/**
 * Fills up to `limit` of `table`'s staged rows after place `afterN` by SQL, in the caller's transaction
 * (a savepoint of its own). For a closed parent (`closing`), its children staged under the page's closed
 * rows go in between (the row path does the same a parent at a time). Null when the stage holds nothing
 * more of the table.
 */
export function fillStagedPage(
  handle: Handle,
  table: string,
  shape: TableColumns,
  afterN: number,
  limit: number,
  closing?: ClosingFill,
): FilledPage | null {
  const end = statement(
    handle,
    'SELECT max(n) AS n FROM (SELECT n FROM sync_snapshot_stage WHERE table_name = ? AND n > ? ORDER BY n LIMIT ?)',
  ).get(table, afterN, limit) as { n: number | null };
  if (end.n === null) return null;
  const lastN = end.n;
  handle.exec(
    'CREATE TEMP TABLE IF NOT EXISTS sync_fill_rows (n INTEGER PRIMARY KEY); ' +
      'CREATE TEMP TABLE IF NOT EXISTS sync_fill_children (n INTEGER PRIMARY KEY); ' +
      'CREATE TEMP TABLE IF NOT EXISTS sync_fill_closing (key PRIMARY KEY, n INTEGER NOT NULL);',
  );
  const own = statementsFor(handle, table, shape, 'sync_fill_rows', closing);
  try {
    return handle.transaction((): FilledPage => {
      handle.exec(
        'DELETE FROM temp.sync_fill_rows; DELETE FROM temp.sync_fill_children; DELETE FROM temp.sync_fill_closing;',
      );
      statement(
        handle,
        `INSERT INTO temp.sync_fill_rows (n) SELECT s.n FROM sync_snapshot_stage s
          WHERE s.table_name = ? AND s.n > ? AND s.n <= ? AND ${eligible(shape)}`,
      ).run(table, afterN, lastN);
      const children = closing ? stageChildren(handle, shape, closing) : null;
      own.insert.run();
      const rows: { table: string; row: Record<string, Cell> }[] = [];
      let latest: string | null = null;
      const finish = (name: string, statements: FillStatements) => {
        statements.clocks.run();
        const stamp = (statements.latest.get() as { latest: string | null }).latest;
        if (stamp !== null && (latest === null || stamp > latest)) latest = stamp;
        for (const row of statements.read.all() as Record<string, Cell>[]) rows.push({ table: name, row });
        statements.unstage.run();
      };
      if (closing && children) {
        children.insert.run();
        closeParents(handle, table, shape, closing);
        finish(closing.child.table, children);
      }
      finish(table, own);
      return { lastN, rows, latest };
    })();
  } catch (error) {
    // Refused as a whole (a parent not here yet, a number taken, a trigger's rule): the page goes row by
    // row. Anything else (a full disk, a damaged file) is not the page's fault and stops the merge.
    const code = (error as { code?: unknown }).code;
    const refused = typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
    if (refused || error instanceof RowByRow) return { lastN, rows: null, latest: null };
    throw error;
  }
}

/**
 * The page's closed parents by key, then their staged children (indexed by bootstrap-repository's
 * indexStagedChildren), all of which must be fillable: one the row path must decide (deleted, partial)
 * would come after its parent closed, so such a page goes row by row.
 */
function stageChildren(handle: Handle, parentShape: TableColumns, closing: ClosingFill): FillStatements {
  const { child } = closing;
  statement(
    handle,
    `INSERT INTO temp.sync_fill_closing (key, n) SELECT ${keyOf(0)}, s.n
       FROM temp.sync_fill_rows f CROSS JOIN sync_snapshot_stage s ON s.n = f.n WHERE ${closedTest(closing)}`,
  ).run();
  const ofClosed = 'c.child_table = ? AND c.parent IN (SELECT key FROM temp.sync_fill_closing)';
  const all = statement(handle, `SELECT count(*) AS n FROM temp.sync_stage_children c WHERE ${ofClosed}`).get(
    child.table,
  ) as { n: number };
  const filled = statement(
    handle,
    `INSERT INTO temp.sync_fill_children (n) SELECT s.n FROM temp.sync_stage_children c
       CROSS JOIN sync_snapshot_stage s ON s.n = c.n WHERE ${ofClosed} AND ${eligible(child.shape)}`,
  ).run(child.table).changes;
  if (filled !== all.n || parentShape.key.length !== 1) throw new RowByRow();
  return statementsFor(handle, child.table, child.shape, 'sync_fill_children');
}

/** The page's closed parents get the columns that close them, after their children went in. */
function closeParents(handle: Handle, table: string, shape: TableColumns, closing: ClosingFill): void {
  const columns = Object.keys(closing.open);
  const key = q(shape.key[0] ?? 'id');
  // Driven by the closing rows' keys (an UPDATE … FROM may scan the whole table for each page).
  statement(
    handle,
    `UPDATE ${q(table)} SET (${columns.map(q).join(', ')}) = (
       SELECT ${columns.map((c) => valueOf(shape, c)).join(', ')}
         FROM temp.sync_fill_closing c CROSS JOIN sync_snapshot_stage s ON s.n = c.n WHERE c.key = ${q(table)}.${key})
      WHERE ${key} IN (SELECT key FROM temp.sync_fill_closing)`,
  ).run();
}

const closedTest = (closing: ClosingFill) =>
  `json_extract(s.row_json, ${valuePath(closing.closedWhen.column)}) = ${text(closing.closedWhen.value)}`;
