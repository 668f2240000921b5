import { afterEach, describe, expect, it } from 'vitest';
import { restartAuditQueue } from '../../src-main/core/sync/audit-queue-repository';
import { localClocksOf } from '../../src-main/core/sync/local-clocks-repository';
import { foldOutbox, pendingChanges, recordPushResults, syncStatus } from '../../src-main/core/sync/repository';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

/** An outbox of `count` captured changes c1..cN, as the capture triggers leave them: all waiting. */
function outboxOf(count: number) {
  const handle = databases.at(Number.MAX_SAFE_INTEGER);
  const insert = handle.prepare(
    `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, user_id) VALUES (?, ?, ?, 'upsert', '{"first_name":"Ann"}', ?, NULL)`,
  );
  const write = (id: string, key: string, table = 'patients', hlc = 'h') => insert.run(id, table, key, hlc);
  for (let n = 1; n <= count; n += 1) write(`c${n}`, `["p${n}"]`);
  const waiting = () => pendingChanges(handle, 'desk', 100).map((change) => change.id);
  const settled = () => handle.prepare('SELECT outbox_settled_seq FROM sync_state').pluck().get() as number;
  const answer = (ids: string[], status: 'accepted' | 'rejected' = 'accepted') =>
    recordPushResults(
      handle,
      ids.map((id) =>
        status === 'accepted' ? { id, status } : { id, status, code: 'FORBIDDEN', reason: 'not allowed' },
      ),
      pendingChanges(handle, 'desk', 100).map((change) => ({ id: change.id, seq: change.seq })),
    );
  return { handle, write, waiting, settled, answer };
}

describe('the outbox past its answered changes (migration 0050)', () => {
  it('pushes every change the server has not answered, in order, however the answers come', () => {
    const o = outboxOf(6);
    expect(o.waiting()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);

    // Answers for c2 and c3 without c1 (a batch cut short): c1 still waits and the settled mark stays before it.
    o.answer(['c2', 'c3']);
    expect(o.waiting()).toEqual(['c1', 'c4', 'c5', 'c6']);
    expect(o.settled()).toBe(0);

    o.answer(['c1']);
    o.answer(['c4'], 'rejected');
    expect(o.waiting()).toEqual(['c5', 'c6']);
    expect(o.settled()).toBe(4);
    expect(syncStatus(o.handle).pending).toBe(2);

    o.answer(['c5', 'c6']);
    expect(o.waiting()).toEqual([]);
    expect(o.settled()).toBe(6);
    expect(syncStatus(o.handle).pending).toBe(0);

    // A change written after everything was answered is waiting at once.
    o.write('c7', '["p7"]');
    expect(o.waiting()).toEqual(['c7']);
    expect(syncStatus(o.handle).pending).toBe(1);
    o.handle.close();
  });

  it('never hides a change written after the newest ones were deleted, from the push or from the local clocks', () => {
    const o = outboxOf(2);
    o.write('a3', '["d",3]', 'audit_chains');
    o.write('a4', '["d",4]', 'audit_chains');
    o.answer(['c1', 'c2']);
    o.answer(['a3', 'a4'], 'rejected');
    expect(o.settled()).toBe(4);
    expect(localClocksOf(o.handle, 'patients', '["p1"]').columns.get('first_name')).toBe('h');

    // Enrolment drops the audit entries never accepted: the outbox's two newest changes.
    restartAuditQueue(o.handle);
    o.write('c5', '["p5"]', 'patients', 'h5');
    expect(o.waiting()).toEqual(['c5']);
    expect(localClocksOf(o.handle, 'patients', '["p5"]').columns.get('first_name')).toBe('h5');

    // A fold empties the outbox; what is written after it waits and is this desk's own again.
    foldOutbox(o.handle);
    o.write('c6', '["p6"]', 'patients', 'h6');
    expect(o.waiting()).toEqual(['c6']);
    expect(localClocksOf(o.handle, 'patients', '["p6"]').columns.get('first_name')).toBe('h6');
    o.handle.close();
  });

  it('reads the waiting changes as a range of the outbox, not a scan of it', () => {
    const o = outboxOf(3);
    const plan = o.handle
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM sync_changes WHERE seq > (SELECT outbox_settled_seq FROM sync_state WHERE id = 1) AND status IN ('pending', 'pushed') AND seq > 0 ORDER BY seq`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(
      /SEARCH sync_changes USING INTEGER PRIMARY KEY \(rowid>\?\)/,
    );
    o.handle.close();
  });
});
