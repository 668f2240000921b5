import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import type { SyncChange } from '../../src-shared/sync/protocol';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import { createCore, type Core } from '../../src-main/core/app';
import { ManualClock } from './temp-core';

/** One desk: its own core and encrypted database, its own clock, called like a TestClinic. */
export interface Desk {
  name: string;
  core: Core;
  clock: ManualClock;
  key: Buffer;
  call<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Result<Output<N>>>;
  ok<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Output<N>>;
  close(): Promise<void>;
}

export function deskOf(name: string, core: Core, clock: ManualClock, key: Buffer, remove: () => void): Desk {
  const call = <N extends ProcedureName>(clientId: string, procedure: N, input: Input<N>) =>
    core.invoke(clientId, procedure, input) as Promise<Result<Output<N>>>;
  return {
    name,
    core,
    clock,
    key,
    call,
    ok: async (clientId, procedure, input) => {
      const result = await call(clientId, procedure, input);
      if (!result.ok) throw new Error(`${name}: ${procedure} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close: async () => {
      await core.close();
      remove();
    },
  };
}

/**
 * A second desk made from a snapshot of `source` (VACUUM INTO, encrypted with the same key), as a new
 * desk joining a clinic would start: its own device id, the source's outbox folded into its clocks.
 * Sessions are not copied: sign in again on it.
 */
export async function cloneDesk(source: Pick<Desk, 'core' | 'clock' | 'key'>, name: string): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-sync-'));
  const file = join(dir, 'clinic.db');
  source.core.database.handle.prepare('VACUUM INTO ?').run(file);
  const head = `${source.core.database.handle.name}.audit-head`;
  if (existsSync(head)) copyFileSync(head, `${file}.audit-head`);
  const clock = new ManualClock();
  clock.now = source.clock.now;
  const core = await createCore({ file, key: source.key, clock: clock.read });
  await core.sync.renewDeviceId();
  return deskOf(name, core, clock, source.key, () => rmSync(dir, { recursive: true, force: true }));
}

/** Hands every change `from` captured to `to`, as the server would (in capture order), and applies them. */
export async function deliver(from: Desk, to: Desk, pick: (changes: SyncChange[]) => SyncChange[] = (c) => c) {
  const changes = from.core.sync.pending(1_000_000).map(withoutSeq);
  return to.core.sync.applyRemote(pick(changes), null);
}

/** A pending change as it travels: the outbox's local order number stays home. */
export function withoutSeq(pending: SyncChange & { seq: number }): SyncChange {
  const change: SyncChange & { seq?: number } = { ...pending };
  delete change.seq;
  return change;
}

/** Every desk gets every other desk's changes. */
export async function exchangeAll(desks: readonly Desk[]): Promise<void> {
  for (const to of desks) for (const from of desks) if (from !== to) await deliver(from, to);
}

/** A hash of every synced table's rows, in key order: equal on two desks exactly when their synced data is. */
export function syncedHash(desk: Desk): string {
  const hash = createHash('sha256');
  for (const [table, shape] of Object.entries(SYNCED_COLUMNS).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = desk.core.database.handle
      .prepare(`SELECT * FROM "${table}" ORDER BY ${shape.key.map((k) => `"${k}"`).join(', ')}`)
      .all() as Record<string, unknown>[];
    hash.update(table);
    for (const row of rows) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
  }
  return hash.digest('hex');
}

/** The synced tables whose rows differ between two desks (for a readable failure). */
export function differingTables(a: Desk, b: Desk): string[] {
  return Object.entries(SYNCED_COLUMNS)
    .filter(([table, shape]) => {
      const read = (desk: Desk) =>
        JSON.stringify(
          desk.core.database.handle
            .prepare(`SELECT * FROM "${table}" ORDER BY ${shape.key.map((k) => `"${k}"`).join(', ')}`)
            .all(),
          (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v),
        );
      return read(a) !== read(b);
    })
    .map(([table]) => table);
}
