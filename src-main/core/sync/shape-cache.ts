import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { schemaVersionReader, tableColumns, type TableColumns } from './schema-repository';

export interface TableShape extends TableColumns {
  /** The column names, for checking a change's columns without a scan per change. */
  names: ReadonlySet<string>;
}

interface Cached {
  version: number;
  shapes: Map<string, TableShape>;
  versionOf: () => number;
}

const cache = new WeakMap<BetterSqlite3.Database, Cached>();

/**
 * The live shape of each synced table, read once per schema version of the connection instead of once
 * per batch (pragma_table_info for every table a batch touched cost as much as the batch's writes).
 * A migration, or any schema change, bumps schema_version and the shapes are read again.
 */
export function shapesOf(handle: BetterSqlite3.Database): (table: string) => TableShape {
  let cached = cache.get(handle);
  if (!cached) {
    cached = { version: -1, shapes: new Map(), versionOf: schemaVersionReader(handle) };
    cache.set(handle, cached);
  }
  const version = cached.versionOf();
  if (version !== cached.version) {
    cached.version = version;
    cached.shapes = new Map();
  }
  const shapes = cached.shapes;
  return (table) => {
    let shape = shapes.get(table);
    if (!shape) {
      const columns = tableColumns(handle, table);
      shape = { ...columns, names: new Set(columns.columns.map((c) => c.name)) };
      shapes.set(table, shape);
    }
    return shape;
  };
}
