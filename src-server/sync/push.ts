import type { Transaction } from 'kysely';
import type { PushResult, SyncChange } from '../../src-shared/sync/protocol';
import { SYNCED_TABLES, isSyncedTable, type SyncedTableName } from '../../src-shared/sync/tables';
import type { ServerDatabase } from '../db/schema';
import * as repo from '../db/repository';
import { emptyRow, isVisible, mergeRecord, type RowState } from './merge';
import { AUDIT_TABLE, checkAuditEntry, previousKey } from './audit-chain';
import { checkShape, nonKeyColumns, type Parsed, type Refusal } from './validate';

/**
 * One push, inside one transaction, changes judged in batch order (a batch may create a user and then
 * act as that user). Each change is answered on its own: a refused change is recorded and the ones
 * behind it go on. A change id already in the clinic's log answers `duplicate` and changes nothing, so
 * a desk that lost the answer simply pushes the batch again.
 *
 * The rows a batch touches are read in one query and written back in one, so a push costs a handful of
 * statements whatever its size.
 */
export async function pushBatch(
  trx: Transaction<ServerDatabase>,
  device: repo.DeviceRow,
  parsed: readonly Parsed[],
): Promise<PushResult[]> {
  await repo.lockClinic(trx, device.clinicId);
  const changes = parsed.flatMap((p) => (p.ok ? [p.change] : []));
  const known = await repo.knownChangeIds(
    trx,
    device.clinicId,
    changes.map((c) => c.id),
  );
  const rows = new BatchRows(
    await repo.getRows(trx, device.clinicId, [
      ...changes.map((c) => ({ table: c.table, rowKey: JSON.stringify(c.key) })),
      ...changes.flatMap((c) => (c.userId === null ? [] : [{ table: 'users', rowKey: JSON.stringify([c.userId]) }])),
      ...changes.flatMap((c) => {
        const before = previousKey(c);
        return before === null ? [] : [{ table: AUDIT_TABLE, rowKey: before }];
      }),
    ]),
  );
  const seen = new Set<string>();
  const accepted: SyncChange[] = [];
  const results: PushResult[] = [];
  for (const p of parsed) {
    if (!p.ok) {
      await refuse(trx, device, p.id, null, p.refusal, results, p.raw);
      continue;
    }
    const change = p.change;
    const owner = known.get(change.id);
    if (seen.has(change.id) || owner === device.id) {
      results.push({ id: change.id, status: 'duplicate' });
      continue;
    }
    if (owner !== undefined) {
      const refusal: Refusal = {
        code: 'CHANGE_ID_TAKEN',
        reason: 'another device already pushed a change with this id',
      };
      await refuse(trx, device, change.id, change, refusal, results);
      continue;
    }
    const outcome = judge(rows, device, change);
    if (outcome === 'duplicate' || outcome === 'accepted') {
      results.push({ id: change.id, status: outcome });
      if (outcome === 'accepted') accepted.push(change);
      seen.add(change.id);
    } else {
      await refuse(trx, device, change.id, change, outcome, results);
    }
  }
  await repo.putRows(trx, device.clinicId, rows.dirty());
  await repo.insertChanges(trx, device.clinicId, accepted);
  return results;
}

/** The batch's view of the merged rows: what the database held, with the batch's accepted changes applied. */
class BatchRows {
  private readonly changed = new Map<string, { table: string; rowKey: string; state: RowState }>();
  constructor(private readonly loaded: Map<string, RowState>) {}
  get(table: string, rowKey: string): RowState | null {
    const id = repo.rowId(table, rowKey);
    return this.changed.get(id)?.state ?? this.loaded.get(id) ?? null;
  }
  set(table: string, rowKey: string, state: RowState): void {
    this.changed.set(repo.rowId(table, rowKey), { table, rowKey, state });
  }
  dirty() {
    return [...this.changed.values()];
  }
}

function judge(rows: BatchRows, device: repo.DeviceRow, change: SyncChange): 'accepted' | 'duplicate' | Refusal {
  const shape = checkShape(change, device.id);
  if (shape || !isSyncedTable(change.table)) return shape ?? { code: 'UNKNOWN_TABLE', reason: change.table };
  const table: SyncedTableName = change.table;
  const rowKey = JSON.stringify(change.key);
  const current = rows.get(table, rowKey);
  const user = checkUser(rows, change, current);
  if (user) return user;
  if (SYNCED_TABLES[table] === 'ledger') {
    // Before the duplicate check, so another device's entry is refused as such; the same entry pushed
    // again still continues the chain and is answered below as a duplicate.
    const broken =
      table === AUDIT_TABLE ? checkAuditEntry(change, device.id, (key) => rows.get(AUDIT_TABLE, key)) : null;
    if (broken) return broken;
    if (current) {
      // The same row pushed again under another change id (a desk re-sending after a restore) is no news.
      return sameValues(current.values, change.values)
        ? 'duplicate'
        : { code: 'LEDGER_KEY_TAKEN', reason: `${table} is a ledger: row ${rowKey} exists and is never overwritten` };
    }
    const columnHlc = Object.fromEntries(Object.keys(change.values).map((column) => [column, change.hlc]));
    rows.set(table, rowKey, { values: change.values, columnHlc, deletedHlc: null, fullHlc: change.hlc });
    return 'accepted';
  }
  rows.set(table, rowKey, mergeRecord(current ?? emptyRow(), change, nonKeyColumns(table)));
  return 'accepted';
}

/**
 * The user a change names must be a user of this clinic in the merged `users` rows (the desks push
 * their users too), not deleted, and not disabled before the change was made: work done offline
 * before an account was disabled still counts, work stamped after does not.
 */
function checkUser(rows: BatchRows, change: SyncChange, current: RowState | null): Refusal | null {
  if (change.userId === null) return null;
  const rowKey = JSON.stringify([change.userId]);
  let user = rows.get('users', rowKey);
  // A batch that creates a user may carry that user's own first change: judge it with the change applied.
  if (change.table === 'users' && JSON.stringify(change.key) === rowKey) {
    user = mergeRecord(current ?? emptyRow(), change, nonKeyColumns('users'));
  }
  if (!user || !isVisible(user)) {
    return { code: 'UNKNOWN_USER', reason: `user ${change.userId} is not a user of this clinic` };
  }
  const disabledAt = user.values.disabled_at;
  const disabledHlc = user.columnHlc.disabled_at;
  if (disabledAt !== null && disabledAt !== undefined && disabledHlc !== undefined && change.hlc > disabledHlc) {
    return { code: 'DISABLED_USER', reason: `user ${change.userId} was disabled before this change was made` };
  }
  return null;
}

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

async function refuse(
  trx: Transaction<ServerDatabase>,
  device: repo.DeviceRow,
  id: string,
  change: SyncChange | null,
  refusal: Refusal,
  results: PushResult[],
  raw: unknown = change,
): Promise<void> {
  await repo.insertRejection(trx, {
    clinicId: device.clinicId,
    deviceId: device.id,
    changeId: id,
    table: change?.table ?? null,
    code: refusal.code,
    reason: refusal.reason,
    change: raw,
  });
  results.push({ id, status: 'rejected', code: refusal.code, reason: refusal.reason });
}
