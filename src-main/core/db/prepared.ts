import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type Insertable,
  type Updateable,
  type CompiledQuery,
  type QueryResult,
} from 'kysely';
import type { ReadDb } from './handles';
import type { Database } from './schema';

/**
 * Queries on the write path built and compiled once, each call only putting its values in.
 *
 * Kysely builds every query anew (a tree of frozen nodes) and compiles it anew (a visit of that tree):
 * on a small statement that is most of its time — about 50 µs of a 60 µs primary-key read on the bench
 * machine, and a dispense runs twenty such statements. The query is still written with Kysely's typed
 * builder; it is built once against the values' placeholders, and later calls reuse its SQL text (so
 * the statement cache finds it without hashing a new string) with the call's values in the places
 * the placeholders took. Written here because the one library that does it (kysely-params) is pinned
 * to Kysely 0.24 and no longer kept.
 *
 * Placeholders stand for single values only: an `in` list, or anything whose length or presence
 * changes the SQL, stays an ordinary query. The values object is a stand-in while building: name each
 * value where it goes (spreading it, or testing a value, sees nothing).
 */

class Placeholder {
  constructor(readonly name: string) {}

  /** Arithmetic or text made of a value while building would be baked into the SQL: refuse it there. */
  [Symbol.toPrimitive](): never {
    throw new TypeError(`${this.name}: a prepared query cannot compute with its values while it is built`);
  }
}

/**
 * The builder's own constants (a `status <> 'cancelled'`, a `limit 1`) are written into the SQL as
 * literals; only the values named by placeholders stay bound. A bound value the planner looked at — to
 * prove a partial index's WHERE, such as `visits_appointment_live`'s `status <> 'cancelled'` — makes
 * SQLite re-prepare the statement every time it is bound, which cost ~30 µs a call (check-in's open-visit
 * check), and a constant never changes, so nothing is lost by fixing it in the text. Only text without
 * NUL and safe integers are inlined; anything else stays a parameter.
 */
class ConstantsInlined extends SqliteQueryCompiler {
  protected override appendValue(parameter: unknown): void {
    if (inlinable(parameter)) this.appendImmediateValue(parameter);
    else super.appendValue(parameter);
  }
}

function inlinable(value: unknown): value is string | number | null {
  if (value === null) return true;
  if (typeof value === 'string') return !value.includes('\u0000');
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Compiles only: no connection, the desk's SQLite compiler with constants inlined (above). */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new ConstantsInlined(),
  },
});

type Values = object;
type Executor = Pick<ReadDb, 'executeQuery'>;

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each parameter of the compiled SQL: the name of the value it takes, or the constant it holds. */
  slots: ({ name: string } | { constant: unknown })[];
}

function compileOnce<Row>(build: (values: never) => Compilable<Row>): Compiled<Row> {
  // Stands in for the values while building; the builder only reads names from it.
  const placeholders = new Proxy({} as never, { get: (_target, name) => new Placeholder(String(name)) });
  const query = build(placeholders).compile();
  return {
    query,
    slots: query.parameters.map((parameter) =>
      parameter instanceof Placeholder ? { name: parameter.name } : { constant: parameter },
    ),
  };
}

function preparer<V extends Values, Row>(build: (values: V) => Compilable<Row>) {
  let compiled: Compiled<Row> | undefined;
  return (db: Executor, values: V): Promise<QueryResult<Row>> => {
    compiled ??= compileOnce(build);
    const named = values as Record<string, unknown>;
    const parameters = compiled.slots.map((slot) => ('name' in slot ? named[slot.name] : slot.constant));
    return db.executeQuery<Row>({ ...compiled.query, parameters });
  };
}

/** A read compiled once: `build` gets a handle that cannot write and placeholders typed as the values. */
export function preparedRead<V extends Values, Row>(build: (db: ReadDb, values: V) => Compilable<Row>) {
  const run = preparer<V, Row>((values) => build(compiler, values));
  return async (db: ReadDb, values: V): Promise<Row[]> => (await run(db, values)).rows;
}

/** A write compiled once (an insert or update of a repository) on the caller's transaction; answers what it returns. */
export function preparedWrite<V extends Values, Row>(build: (db: Kysely<Database>, values: V) => Compilable<Row>) {
  const run = preparer<V, Row>((values) => build(compiler, values));
  return async (db: Kysely<Database>, values: V): Promise<Row[]> => (await run(db, values)).rows;
}

type TableName = keyof Database;
type Row = Record<string, unknown>;

/** The columns given a value; a SQL expression among them would become a bound value, so it is refused. */
function plainColumns(values: Row): string[] {
  return Object.keys(values).filter((column) => {
    const value = values[column];
    if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array))
      throw new TypeError(`${column}: a prepared insert or update takes plain values, not an expression or object`);
    return value !== undefined;
  });
}

/** The row's id among the values, under a name no column has. */
const ROW_ID = '\u0000id';

const inserts = new Map<string, (db: Kysely<Database>, row: Row) => Promise<unknown>>();
const updates = new Map<string, (db: Kysely<Database>, values: Row) => Promise<unknown>>();

/**
 * Inserts one row of plain values (no SQL expressions), its statement compiled once for each table
 * and set of columns given: a repository's insert of a whole row, the commonest write.
 */
export async function insertRow<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  const values = row as Row;
  const columns = plainColumns(values);
  const signature = `${table}(${columns.join(',')})`;
  let insert = inserts.get(signature);
  if (!insert) {
    insert = preparedWrite((builder, v: Row) =>
      builder.insertInto(table).values(Object.fromEntries(columns.map((column) => [column, v[column]])) as never),
    );
    inserts.set(signature, insert);
  }
  await insert(db, values);
}

/** Sets these plain values on the row with this `id`, compiled once for each table and set of columns. */
export async function updateRowById<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  id: string,
  changes: Updateable<Database[T]>,
): Promise<void> {
  const values = changes as Row;
  const columns = plainColumns(values);
  if (columns.length === 0) return;
  const signature = `${table}(${columns.join(',')})`;
  let update = updates.get(signature);
  if (!update) {
    // Any table of the schema: its columns were checked by the caller's `Updateable` type.
    update = preparedWrite((builder, v: Row) =>
      (builder as unknown as Kysely<Record<string, Row>>)
        .updateTable(table as string)
        .set(Object.fromEntries(columns.map((column) => [column, v[column]])))
        .where('id', '=', v[ROW_ID]),
    );
    updates.set(signature, update);
  }
  await update(db, { ...values, [ROW_ID]: id });
}
