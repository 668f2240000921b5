import { newId } from '../src-main/core/ids';
import { GENESIS_HASH, legacyEntryHash, type ChainedFields } from '../src-main/core/audit/chain';
import type { Migration } from './types';

interface LegacyRow extends ChainedFields {
  prev_hash: string;
  hash: string;
}

/**
 * Re-chains the audit log with HMAC-SHA256 under a key derived from the database key (the
 * connection's `audit_mac` function). The old plain SHA-256 chain is checked first and what was
 * found is recorded in an `audit.rechained` entry, so re-keying never launders a chain that was
 * already broken: the entry says where it broke.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'keyed_audit_chain',
  up(db, now) {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as LegacyRow[];
    if (rows.length === 0) return;
    let legacyPrev = GENESIS_HASH;
    let brokenAt: number | null = null;
    rows.forEach((row, index) => {
      if (brokenAt !== null) return;
      if (row.seq !== index + 1 || row.prev_hash !== legacyPrev || legacyEntryHash(legacyPrev, row) !== row.hash) {
        brokenAt = row.seq;
        return;
      }
      legacyPrev = row.hash;
    });
    const mac = db.prepare(`SELECT audit_mac(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).pluck();
    const macOf = (prevHash: string, row: ChainedFields) =>
      mac.get(
        prevHash,
        row.seq,
        row.id,
        row.created_at,
        row.actor_user_id,
        row.actor_username,
        row.action,
        row.target_type,
        row.target_id,
        row.outcome,
        row.details,
      ) as string;
    db.exec('DROP TRIGGER audit_log_no_update');
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const hash = macOf(prevHash, row);
      update.run(prevHash, hash, row.seq);
      prevHash = hash;
    }
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    const entry: ChainedFields = {
      seq: (rows.at(-1)?.seq ?? 0) + 1,
      id: newId(),
      created_at: now,
      actor_user_id: null,
      actor_username: 'system',
      action: 'audit.rechained',
      target_type: null,
      target_id: null,
      outcome: brokenAt === null ? 'ok' : 'failed',
      details: JSON.stringify({
        entries: rows.length,
        previousChain: brokenAt === null ? 'intact' : `broken at entry ${String(brokenAt)}`,
      }),
    };
    db.prepare(
      `INSERT INTO audit_log (seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.seq,
      entry.id,
      entry.created_at,
      entry.actor_user_id,
      entry.actor_username,
      entry.action,
      entry.target_type,
      entry.target_id,
      entry.outcome,
      entry.details,
      prevHash,
      macOf(prevHash, entry),
    );
  },
};
