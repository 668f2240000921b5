import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';

/**
 * `audit_lookup` (migration 0040) holds the audit log's filter columns under the indexes the log
 * itself no longer keeps, so an audited write changes two of the log's b-trees instead of six. It is
 * filled from the log in batches: `fillAuditLookup` at the hosts' idle checkpoint, and inside a write
 * every `FILL_EVERY` entries (`appendAudit`), so a desk no host checkpoints (the CLI, tests) keeps a
 * short tail too. Every reader takes the entries past the lookup's last seq from the log itself, in
 * the same statement or under the same watermark, so an entry is listed from the moment it is written.
 */
export const FILL_EVERY = 128;

const FILL_SQL = `INSERT INTO audit_lookup (seq, created_at, actor_username, action, target_type, target_id, outcome)
  SELECT seq, created_at, actor_username, action, target_type, target_id, outcome FROM audit_log
  WHERE seq > (SELECT coalesce(max(seq), 0) FROM audit_lookup) ORDER BY seq`;

/** Copies the entries the lookup has not reached yet; returns how many. Call inside a write transaction. */
export async function fillAuditLookupIn(db: Kysely<Database>): Promise<number> {
  const result = await sql.raw(FILL_SQL).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The same on the raw connection, in a transaction of its own: what the idle checkpoint runs. */
export function fillAuditLookup(handle: BetterSqlite3.Database): number {
  if (handle.inTransaction || handle.readonly || !handle.open) return 0;
  const fill = handle.prepare(FILL_SQL);
  return handle.transaction(() => fill.run().changes).immediate();
}

/** The last seq the lookup holds: entries after it are read from the log. */
export async function lookupWatermark(db: ReadDb): Promise<number> {
  const { rows } = await sql<{ seq: number }>`SELECT coalesce(max(seq), 0) AS seq FROM audit_lookup`.execute(db);
  return rows[0]?.seq ?? 0;
}

/**
 * The seqs of entries matching `where` (a parenthesised subquery, for `IN`), from the lookup and from the log's tail past it, as one
 * compound SELECT (one statement sees one state of both). `where` is written once against the
 * column names the two tables share (seq, created_at, actor_username, action, target_type, target_id,
 * outcome) and given the table to qualify them with; with `details`, the lookup's arm joins the log
 * so `audit_log.details` can be tested too.
 */
export function matchingAuditSeqs(
  where: (table: 'audit_lookup' | 'audit_log') => RawBuilder<unknown>,
  options: { details?: boolean } = {},
): RawBuilder<{ seq: number }> {
  const lookupArm = options.details
    ? sql`SELECT audit_lookup.seq FROM audit_lookup JOIN audit_log ON audit_log.seq = audit_lookup.seq WHERE ${where('audit_lookup')}`
    : sql`SELECT audit_lookup.seq FROM audit_lookup WHERE ${where('audit_lookup')}`;
  return sql<{ seq: number }>`(${lookupArm}
    UNION ALL SELECT audit_log.seq FROM audit_log
    WHERE audit_log.seq > (SELECT coalesce(max(seq), 0) FROM audit_lookup) AND ${where('audit_log')})`;
}

/**
 * The lookup is derived from the log, so when the two disagree the log wins: after a truncation
 * found at open (the log ends before its checkpoint, and the next entries reuse the removed seqs) the
 * lookup still holds the removed entries' columns under those seqs and would hide the new ones from
 * every list. Opening checks the lookup's last entry against the log's entry of the same seq (two
 * index reads) and, where they differ or the anchor found the log tampered with, builds the lookup
 * again from the log. Its no-delete trigger is lifted for that one transaction only.
 */
export function reconcileAuditLookup(handle: BetterSqlite3.Database, options: { rebuild: boolean }): boolean {
  if (handle.readonly) return false;
  const last = handle
    .prepare(
      `SELECT l.seq, l.created_at = g.created_at AND l.action = g.action AND l.outcome = g.outcome AS same
       FROM audit_lookup l LEFT JOIN audit_log g ON g.seq = l.seq ORDER BY l.seq DESC LIMIT 1`,
    )
    .get() as { seq: number; same: number | null } | undefined;
  if (!options.rebuild && (last === undefined || last.same === 1)) return false;
  handle
    .transaction(() => {
      const trigger = handle
        .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_lookup_no_delete'`)
        .pluck()
        .get() as string | undefined;
      if (trigger) handle.exec('DROP TRIGGER audit_lookup_no_delete');
      handle.exec('DELETE FROM audit_lookup');
      handle.exec(FILL_SQL);
      if (trigger) handle.exec(trigger);
    })
    .immediate();
  return true;
}
