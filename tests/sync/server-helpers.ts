import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openServerDb, type OpenedDb } from '../../src-server/db/open';
import { startHttp, type SyncHttpServer } from '../../src-server/http';
import { newEnrolmentCode } from '../../src-server/sync/credentials';
import { makeEnrolmentCode } from '../../src-server/sync/service';
import { PushSignal } from '../../src-server/sync/signal';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import type { EnrolResponse, SyncChange, SyncValue } from '../../src-shared/sync/protocol';
import type { SyncedTableName } from '../../src-shared/sync/tables';

/** The PostgreSQL the machine runs (README, Tests); tests on it skip with a printed reason when it is not reachable. */
export const PG_URL = process.env.SYNC_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<string | null> | undefined;
/** null when PostgreSQL answers; else why not. */
export function postgresUnavailable(): Promise<string | null> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** Decided before the tests are collected, so `describe.skipIf` can use it. */
export const pgSkipReason = await postgresUnavailable();
if (pgSkipReason) console.warn(`sync server tests on PostgreSQL skipped: ${PG_URL} not reachable (${pgSkipReason})`);

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: readonly { backend: Backend; skip: boolean }[] = [
  { backend: 'pglite', skip: false },
  { backend: 'postgres', skip: pgSkipReason !== null },
];

/** A database of its own: PGlite in memory, or a fresh schema on the test PostgreSQL (dropped by `drop`). */
export async function freshDatabase(backend: Backend, schema = `sync_test_${randomBytes(6).toString('hex')}`) {
  const opened =
    backend === 'pglite'
      ? await openServerDb({ dataDir: 'memory://' })
      : await openServerDb({ databaseUrl: PG_URL, schema });
  return {
    opened,
    schema,
    drop: async () => {
      await opened.close();
      if (backend === 'postgres') await dropSchema(schema);
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export interface TestServer {
  url: string;
  http: SyncHttpServer;
  opened: OpenedDb;
  now: { ms: number | null };
  close(): Promise<void>;
}

/** A server on 127.0.0.1 and a random port, over `opened`; `now.ms` pins its clock when set. */
export async function startServer(opened: OpenedDb): Promise<TestServer> {
  const now = { ms: null as number | null };
  const http = await startHttp(
    { db: opened.db, now: () => now.ms ?? Date.now(), signal: new PushSignal() },
    { host: '127.0.0.1', port: 0 },
  );
  return { url: http.url, http, opened, now, close: () => http.close() };
}

export async function newCode(opened: OpenedDb, clinic: string): Promise<string> {
  const code = newEnrolmentCode();
  await makeEnrolmentCode(opened.db, clinic, code, 3_600_000);
  return code;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export async function call<T = unknown>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...options.headers,
      ...(options.token === undefined ? {} : { authorization: options.token }),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(method === 'POST' ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface Desk {
  deviceId: string;
  clinicId: string;
  token: string;
  counter: number;
}

export async function enrolDesk(url: string, code: string, name: string): Promise<Desk> {
  const answer = await call<EnrolResponse>(url, 'POST', '/v1/enrol', { body: { code, deviceName: name } });
  if (answer.status !== 200) throw new Error(`enrol failed: ${JSON.stringify(answer.body)}`);
  const { deviceId, clinicId, secret } = answer.body;
  return { deviceId, clinicId, token: `Bearer ${deviceId}.${secret}`, counter: 0 };
}

export function hlc(desk: Desk, wall = Date.now()): string {
  desk.counter += 1;
  return `${String(wall).padStart(15, '0')}:${String(desk.counter).padStart(6, '0')}:${desk.deviceId}`;
}

export function change(
  desk: Desk,
  table: string,
  key: (string | number)[],
  values: Record<string, SyncValue>,
  options: { op?: 'upsert' | 'delete'; userId?: string | null; wall?: number } = {},
): SyncChange {
  return {
    id: randomUUID(),
    table,
    key,
    op: options.op ?? 'upsert',
    values,
    hlc: hlc(desk, options.wall),
    deviceId: desk.deviceId,
    userId: options.userId ?? null,
  };
}

export function userRow(id: string, extra: Record<string, SyncValue> = {}): Record<string, SyncValue> {
  return {
    id,
    username: `user-${id.slice(0, 8)}`,
    display_name: 'Test User',
    role_id: 'admin',
    password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    password_changed_at: 1,
    disabled_at: null,
    failed_login_count: 0,
    login_blocked_until: null,
    last_login_at: null,
    created_at: 1,
    updated_at: 1,
    ...extra,
  };
}

/** Every column of a synced table filled by its type, key columns from `key`: a whole row as a desk inserts it. */
export function fullRow(
  table: SyncedTableName,
  key: (string | number)[],
  extra: Record<string, SyncValue> = {},
): Record<string, SyncValue> {
  const spec = SYNCED_COLUMNS[table];
  const row: Record<string, SyncValue> = {};
  for (const column of spec.columns) {
    const keyIndex = spec.key.indexOf(column.name);
    const filler: SyncValue =
      column.type === 'TEXT'
        ? `${column.name}-1`
        : column.type === 'BLOB'
          ? { b64: 'AQID' }
          : column.type === 'REAL'
            ? 1.5
            : 1;
    row[column.name] = keyIndex >= 0 ? (key[keyIndex] ?? null) : filler;
  }
  return { ...row, ...extra };
}

export async function pushChanges(url: string, desk: Desk, changes: SyncChange[], deskTime = Date.now()) {
  return call<{ results: { id: string; status: string; code?: string; reason?: string }[] }>(url, 'POST', '/v1/push', {
    token: desk.token,
    body: { changes, deskTime },
  });
}

export async function pullAll(url: string, desk: Desk, after = '', waitMs = 0) {
  return call<{ changes: (SyncChange & { seq: string })[]; cursor: string; hasMore: boolean }>(
    url,
    'GET',
    `/v1/pull?after=${encodeURIComponent(after)}&waitMs=${waitMs}`,
    { token: desk.token },
  );
}
