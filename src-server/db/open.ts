import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationProvider, type Migration } from 'kysely';
import pg from 'pg';
import { serverMigrations } from '../../migrations/server';
import { PGliteDialect } from './pglite-dialect';
import type { ServerDatabase } from './schema';

export type ServerDb = Kysely<ServerDatabase>;

export interface OpenOptions {
  /** PostgreSQL connection string; without it the server embeds PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** A PostgreSQL schema to work in (tests give each file its own); created if missing. */
  schema?: string | undefined;
}

export interface OpenedDb {
  db: ServerDb;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openServerDb(options: OpenOptions): Promise<OpenedDb> {
  let db: ServerDb;
  let kind: OpenedDb['kind'];
  let unlock: () => void = () => undefined;
  if (options.databaseUrl) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error('bad schema name');
    if (options.schema) {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists ${options.schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
  } else {
    const dataDir = options.dataDir ?? './server-data';
    let pglite: PGlite;
    if (dataDir.startsWith('memory://')) {
      pglite = await PGlite.create(dataDir);
    } else {
      const folder = resolve(dataDir);
      mkdirSync(folder, { recursive: true });
      unlock = lockFolder(folder);
      try {
        pglite = await PGlite.create(join(folder, 'pgdata'));
      } catch (error) {
        unlock();
        throw error;
      }
    }
    db = new Kysely<ServerDatabase>({ dialect: new PGliteDialect(pglite) });
    kind = 'pglite';
  }
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      unlock();
    }
  };
  try {
    await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, kind, close };
}

/**
 * PGlite is one process's database: a second process opening the same folder (a CLI command while
 * the server runs) would corrupt it. A lock file with the owner's pid refuses that with a clear message.
 */
function lockFolder(folder: string): () => void {
  const lock = join(folder, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(
          `${folder} is in use by process ${pid} (a running sync server?). PGlite serves one process: stop it first, or use PostgreSQL (DATABASE_URL).`,
          { cause: error },
        );
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock ${folder}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Kysely's Migrator over a static list; it takes an advisory lock, so servers starting together on one
 * PostgreSQL migrate once. Its bookkeeping tables are named in the schema the server works in: left
 * unnamed, the Migrator takes a `kysely_migration` table of *any* schema of the database for its own
 * (another schema's server, another Kysely application), skips creating it, and then fails on
 * "relation kysely_migration_lock does not exist" (found running the convergence suite beside the
 * other tests on one PostgreSQL).
 */
export async function migrate(db: ServerDb): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(serverMigrations.map((m): [string, Migration] => [m.name, { up: (k) => m.up(k) }])),
  };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrationTableSchema = rows[0]?.schema ?? 'public';
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  let { error, results } = await migrator.migrateToLatest();
  // The Migrator looks for its table through Kysely's introspector, which reads every schema's tables
  // (with pg_get_serial_sequence on each); a schema dropped meanwhile by another application of the same
  // database fails that read with 3F000 (seen with the test files' schemas coming and going). Nothing was
  // migrated then, so asking again is safe.
  for (let retry = 0; retry < 3 && error && pgCode(error) === '3F000' && !results?.length; retry++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`server migration ${failed} failed: ${message}`, { cause: error });
  }
}

function pgCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
