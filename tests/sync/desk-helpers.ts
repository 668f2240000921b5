import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import { createCore, type Core } from '../../src-main/core/app';
import { startHttp, type SyncHttpServer } from '../../src-server/http';
import { PushSignal } from '../../src-server/sync/signal';
import { ADMIN, tempFolder, type ManualClock } from '../helpers/temp-core';
import { RECEPTIONIST } from '../helpers/scheduling-clinic';
import { MANAGER } from '../helpers/billing-clinic';
import { freshDatabase, newCode, type Backend } from './server-helpers';

/** One desk of a clinic: its own core over its own encrypted database (as in desk-server.test.ts). */
export interface Desk {
  core: Core;
  call<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Result<Output<N>>>;
  ok<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Output<N>>;
  close(): Promise<void>;
}

export function deskOver(core: Core, name: string, close: () => Promise<void>): Desk {
  const call = <N extends ProcedureName>(clientId: string, procedure: N, input: Input<N>) =>
    core.invoke(clientId, procedure, input) as Promise<Result<Output<N>>>;
  return {
    core,
    call,
    ok: async (clientId, procedure, input) => {
      const result = await call(clientId, procedure, input);
      if (!result.ok) throw new Error(`${name}: ${procedure} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close,
  };
}

/** A Front Desk just installed: an empty encrypted database, not set up, on the shared clock. */
export async function freshDesk(clock: ManualClock, name: string): Promise<Desk> {
  const folder = tempFolder();
  const core = await createCore({ file: folder.file, key: folder.key, create: true, clock: clock.read });
  return deskOver(core, name, async () => {
    await core.close();
    folder.remove();
  });
}

/**
 * A server on `backend` (reading the desks' hand-moved clock), desk A (already set up: `first`)
 * enrolled first and desk B, new, joined and synced, with the administrator, receptionist and
 * manager signed in on B as 'admin', 'desk' and 'manager'.
 */
export async function twoDesks(backend: Backend, first: Desk, clock: ManualClock) {
  const database = await freshDatabase(backend);
  const server: SyncHttpServer = await startHttp(
    { db: database.opened.db, now: clock.read, signal: new PushSignal() },
    { host: '127.0.0.1', port: 0 },
  );
  const code = () => newCode(database.opened, 'Riverside');
  await first.ok('admin', 'sync.enrol', { serverUrl: server.url, code: await code(), fingerprint: '' });
  await first.core.syncClient.syncOnce();
  const b = await freshDesk(clock, 'B');
  await b.ok('stranger', 'sync.join', { serverUrl: server.url, code: await code(), fingerprint: '' });
  await b.core.syncClient.syncOnce();
  await b.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
  await b.call('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  return {
    b,
    server,
    database,
    /** A pushes, B pushes and pulls, A pulls: both hold everything. */
    syncBoth: async () => {
      await first.core.syncClient.syncOnce();
      await b.core.syncClient.syncOnce();
      await first.core.syncClient.syncOnce();
    },
    close: async () => {
      await b.close();
      await server.close();
      await database.drop();
    },
  };
}
