import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type ClinicDatabase } from '../../src-main/core/db/open';
import { tableColumns } from '../../src-main/core/sync/schema-repository';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import { LOCAL_TABLES, SYNCED_TABLES } from '../../src-shared/sync/tables';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

let folder: TempFolder;
let database: ClinicDatabase;

beforeAll(() => {
  folder = tempFolder();
  database = openDatabase({ file: folder.file, key: folder.key, create: true });
});
afterAll(async () => {
  await database.close();
  folder.remove();
});

function schemaTables(): string[] {
  return (
    database.handle.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

describe('which tables sync', () => {
  it('places every table of the migrated schema on purpose: synced, or local with a reason', () => {
    const unplaced = schemaTables().filter((name) => !(name in SYNCED_TABLES) && !(name in LOCAL_TABLES));
    expect(unplaced).toEqual([]);
    const both = Object.keys(SYNCED_TABLES).filter((name) => name in LOCAL_TABLES);
    expect(both).toEqual([]);
    const missing = [...Object.keys(SYNCED_TABLES), ...Object.keys(LOCAL_TABLES)].filter(
      (name) => !schemaTables().includes(name) && !name.startsWith('sqlite_stat'),
    );
    expect(missing).toEqual([]);
  });

  it('has columns.generated.ts matching the schema (run scripts/sync-columns.ts when it does not)', () => {
    for (const table of Object.keys(SYNCED_TABLES) as (keyof typeof SYNCED_TABLES)[]) {
      const live = tableColumns(database.handle, table);
      expect({ table, ...live }).toEqual({
        table,
        key: [...SYNCED_COLUMNS[table].key],
        columns: SYNCED_COLUMNS[table].columns.map((c) => ({ ...c })),
      });
    }
    expect(Object.keys(SYNCED_COLUMNS).sort()).toEqual(Object.keys(SYNCED_TABLES).sort());
  });

  it('gives every synced table a primary key to address its rows by', () => {
    const keyless = Object.entries(SYNCED_COLUMNS).filter(([, t]) => t.key.length === 0);
    expect(keyless).toEqual([]);
  });

  it('states each synced table with its kind in docs/architecture.md', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Sync (desk side)'));
    const bullet = (label: string) => section.slice(section.indexOf(`- *${label}*`)).split('\n- ')[0] ?? '';
    const named = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).sort();
    const of = (kind: string) =>
      Object.entries(SYNCED_TABLES)
        .filter(([, k]) => k === kind)
        .map(([t]) => t)
        .sort();
    expect(named(bullet('Records'))).toEqual(of('record'));
    expect(named(bullet('Ledgers'))).toEqual(of('ledger'));
  });
});
