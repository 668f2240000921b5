import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export interface TableColumns {
  key: string[];
  columns: { name: string; type: 'TEXT' | 'INTEGER' | 'REAL' | 'BLOB'; notNull: boolean }[];
}

/**
 * A table's primary key and columns as the live schema has them, with SQLite's type affinity rules
 * applied to the declared type. scripts/sync-columns.ts prints these into columns.generated.ts, the
 * capture triggers are generated from them at open, and tests/unit/sync-tables.test.ts compares the two.
 */
export function tableColumns(handle: Pick<BetterSqlite3.Database, 'prepare'>, table: string): TableColumns {
  const cols = handle.prepare(`SELECT name, pk, type, "notnull" FROM pragma_table_info(?)`).all(table) as {
    name: string;
    pk: number;
    type: string;
    notnull: number;
  }[];
  const key = cols
    .filter((x) => x.pk)
    .sort((a, b) => a.pk - b.pk)
    .map((x) => x.name);
  return {
    key,
    columns: cols.map((col) => ({
      name: col.name,
      type: affinity(col.type),
      notNull: col.notnull === 1 || col.pk > 0,
    })),
  };
}

function affinity(declared: string): TableColumns['columns'][number]['type'] {
  const type = (declared || 'BLOB').toUpperCase();
  if (type.includes('INT')) return 'INTEGER';
  if (type.includes('CHAR') || type.includes('TEXT') || type.includes('CLOB')) return 'TEXT';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'REAL';
  return 'BLOB';
}

/** The connection's schema version: any migration or schema change bumps it. */
export function schemaVersionReader(handle: Pick<BetterSqlite3.Database, 'prepare'>): () => number {
  const statement = handle.prepare('PRAGMA schema_version').pluck();
  return () => Number(statement.get());
}
