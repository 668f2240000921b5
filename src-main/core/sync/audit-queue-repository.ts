import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { clampOutboxMarks } from './repository';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * This desk's own audit chain travels as rows of the `audit_chains` ledger (issue 17), queued from
 * `audit_log` when a round starts rather than captured by a trigger on every audited write: the write
 * path stays as it was (issue 22), and an entry written with capture off (a tool's handle, before the
 * device id is read) is still queued, so the chain the server receives never has a gap. The entries go
 * in chain order, after whatever is already waiting; `sync_state.audit_queued_seq` says how far.
 * `user_id` is NULL: an audit entry is evidence, sent whatever its actor may do now (a disabled
 * account's refused attempt must still travel). Returns how many entries were queued.
 */
export function queueAuditChain(handle: Handle, deviceId: string): number {
  const after = (handle.prepare('SELECT audit_queued_seq FROM sync_state WHERE id = 1').pluck().get() as number) ?? 0;
  const queued = handle
    .prepare(
      `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, user_id)
       SELECT sync_change_id(), 'audit_chains', json_array(@device, seq), 'upsert',
         json_object('device_id', @device, 'seq', seq, 'id', id, 'created_at', created_at,
           'actor_user_id', actor_user_id, 'actor_username', actor_username, 'action', action,
           'target_type', target_type, 'target_id', target_id, 'outcome', outcome, 'details', details,
           'prev_hash', prev_hash, 'hash', hash, 'link', link),
         sync_hlc(), NULL
       FROM audit_log WHERE seq > @after ORDER BY seq`,
    )
    .run({ device: deviceId, after }).changes;
  if (queued > 0) {
    handle
      .prepare('UPDATE sync_state SET audit_queued_seq = (SELECT coalesce(max(seq), 0) FROM audit_log) WHERE id = 1')
      .run();
  }
  return queued;
}

/**
 * At enrolment the chain becomes the enrolled device's from its first entry: what was queued under
 * another id (never accepted, or a copied database's former identity) is dropped and queued again.
 */
export function restartAuditQueue(handle: Handle): void {
  handle.prepare("DELETE FROM sync_changes WHERE table_name = 'audit_chains' AND status <> 'accepted'").run();
  clampOutboxMarks(handle);
  handle.prepare('UPDATE sync_state SET audit_queued_seq = 0 WHERE id = 1').run();
}
