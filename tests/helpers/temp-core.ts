import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcedureName, Input, Output } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import { createCore, type Core } from '../../src-main/core/app';

export interface TempFolder {
  dir: string;
  file: string;
  key: Buffer;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-test-'));
  return {
    dir,
    file: join(dir, 'clinic.db'),
    key: randomBytes(32),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A clock the test moves by hand. */
export class ManualClock {
  now = Date.UTC(2026, 10, 22, 9, 0, 0);
  read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface TestClinic {
  core: Core;
  folder: TempFolder;
  clock: ManualClock;
  call<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Result<Output<N>>>;
  /** Calls and unwraps, failing the test with the error's message when the call fails. */
  ok<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Output<N>>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };

export async function openTestClinic(options: { setUp?: boolean } = {}): Promise<TestClinic> {
  const folder = tempFolder();
  const clock = new ManualClock();
  const core = await createCore({ file: folder.file, key: folder.key, create: true, clock: clock.read });
  const call = <N extends ProcedureName>(clientId: string, name: N, input: Input<N>) =>
    core.invoke(clientId, name, input) as Promise<Result<Output<N>>>;
  const ok = async <N extends ProcedureName>(clientId: string, name: N, input: Input<N>) => {
    const result = await call(clientId, name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  if (options.setUp !== false) {
    await ok('setup', 'system.setup', {
      clinicName: 'Riverside Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      admin: ADMIN,
    });
  }
  return {
    core,
    folder,
    clock,
    call,
    ok,
    close: async () => {
      await core.close();
      folder.remove();
    },
  };
}

export const RECEPTION = { username: 'rita', displayName: 'Rita Reception', password: 'reception desk 1' };

/** A set-up clinic with the administrator signed in as client 'admin' and a receptionist as client 'desk'. */
export async function openReceptionClinic(): Promise<TestClinic> {
  const clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await clinic.ok('admin', 'users.create', { ...RECEPTION, role: 'receptionist' });
  await clinic.ok('desk', 'auth.login', { username: RECEPTION.username, password: RECEPTION.password });
  return clinic;
}
