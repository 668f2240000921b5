import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openServerDb, type ServerDb } from '../../src-server/db/open';
import { startServerProcess } from '../sync/server-process-helpers';

/**
 * A sync server for a benchmark, as a clinic runs it: `npm run server` in a process of its own (so the
 * desks' figures and memory are theirs alone), over PostgreSQL (a fresh schema, dropped after) or
 * PGlite (a data folder, removed after). `prepare` runs on its database before it serves: enrolment
 * codes, seeded rows.
 */

export const BENCH_PG_URL = process.env.SYNC_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type ServerBackend = 'postgres' | 'pglite';

/** null when PostgreSQL answers; else why not (the bench prints it and goes on without). */
export async function postgresMissing(): Promise<string | null> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchServer {
  url: string;
  backend: ServerBackend;
  stop(): Promise<void>;
}

export async function benchServer<T>(
  backend: ServerBackend,
  prepare: (db: ServerDb) => Promise<T>,
): Promise<{ server: BenchServer; prepared: T }> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const folder = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'front-desk-bench-server-')) : '';
  const opened =
    backend === 'postgres'
      ? await openServerDb({ databaseUrl: BENCH_PG_URL, schema })
      : await openServerDb({ dataDir: folder });
  let prepared: T;
  try {
    prepared = await prepare(opened.db);
  } finally {
    await opened.close();
  }
  const cleanUp = async () => {
    if (backend === 'pglite') rmSync(folder, { recursive: true, force: true });
    else {
      const client = new pg.Client({ connectionString: BENCH_PG_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    }
  };
  try {
    const child =
      backend === 'postgres'
        ? await startServerProcess(['serve'], {
            DATABASE_URL: `${BENCH_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
          })
        : await startServerProcess(['serve', '--data', folder]);
    return {
      prepared,
      server: {
        url: child.url,
        backend,
        stop: async () => {
          await child.stop();
          await cleanUp();
        },
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
