import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AuditEntry, OwnChainVerification } from '../../../src-shared/api/areas/audit';
import type { AuditRow, Database } from '../db/schema';
import { newId } from '../ids';
import { preparedWrite } from '../db/prepared';
import { AUDIT_LINK_ARGUMENTS, AUDIT_MAC_ARGUMENTS, GENESIS_HASH, type AuditHead } from './chain';
import type { ReadDb } from '../db/handles';
import { FILL_EVERY, fillAuditLookupIn, lookupWatermark, matchingAuditSeqs } from './lookup-repository';

export interface AuditRecord {
  at: number;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown> | null;
}

type AuditValues = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash' | 'link'>;

/**
 * One statement: the entry links to the chain's head read in the same statement (seq one past it,
 * prev_hash its hash, or the genesis hash for the first entry), and the HMAC is computed by the
 * connection's `audit_mac` function, which holds the chain key; `link` (the unkeyed link other desks
 * and the server check, `audit_link`) follows the head's link the same way. Reading the head as a query
 * of its own cost a second round trip through Kysely on every write. The two steps are MATERIALIZED:
 * written as nested subqueries, SQLite flattened them and, `hash` being named twice (the column and the
 * link's input), called `audit_mac` twice for every entry (~25 µs of a vitals save).
 */
const insertEntry = preparedWrite((db, row: AuditValues) =>
  db
    .insertInto('audit_log')
    .columns([
      'seq',
      'id',
      'created_at',
      'actor_user_id',
      'actor_username',
      'action',
      'target_type',
      'target_id',
      'outcome',
      'details',
      'prev_hash',
      'hash',
      'link',
    ])
    .expression(
      sql<AuditRow>`WITH head AS MATERIALIZED (
          SELECT coalesce(last.seq, 0) + 1 AS seq, coalesce(last.hash, ${sql.lit(GENESIS_HASH)}) AS prev_hash,
            coalesce(last.link, ${sql.lit(GENESIS_HASH)}) AS prev_link
          FROM (SELECT 1) LEFT JOIN (SELECT seq, hash, link FROM audit_log ORDER BY seq DESC LIMIT 1) AS last),
        entry AS MATERIALIZED (
          SELECT seq, ${row.id} AS id, ${row.created_at} AS created_at, ${row.actor_user_id} AS actor_user_id,
            ${row.actor_username} AS actor_username, ${row.action} AS action, ${row.target_type} AS target_type,
            ${row.target_id} AS target_id, ${row.outcome} AS outcome, ${row.details} AS details, prev_hash, prev_link,
            audit_mac(prev_hash, seq, ${row.id}, ${row.created_at}, ${row.actor_user_id}, ${row.actor_username}, ${row.action},
              ${row.target_type}, ${row.target_id}, ${row.outcome}, ${row.details}) AS hash
          FROM head)
        SELECT seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details,
          prev_hash, hash, audit_link(prev_link, ${sql.raw(AUDIT_LINK_ARGUMENTS)})
        FROM entry`,
    ),
);

/** Entries appended by this process since it last filled the lookup (see lookup-repository.ts). */
let appendedSinceFill = 0;

/** Appends one entry. Call inside a write transaction: reading the head and inserting must not interleave. */
export async function appendAudit(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  appendedSinceFill += 1;
  if (appendedSinceFill >= FILL_EVERY) {
    appendedSinceFill = 0;
    await fillAuditLookupIn(db);
  }
  await insertEntry(db, {
    id: newId(),
    created_at: record.at,
    actor_user_id: record.actorUserId,
    actor_username: record.actorUsername,
    action: record.action,
    target_type: record.targetType ?? null,
    target_id: record.targetId ?? null,
    outcome: record.outcome,
    details: record.details ? JSON.stringify(record.details) : null,
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  /** With `recordViews`, the actions that are views of patient records: listed alone, or left out. */
  entries?: 'all' | 'changes' | 'views';
  recordViews?: readonly string[];
  from?: number;
  to?: number;
  beforeSeq?: number;
  limit: number;
}

export async function listAudit(
  db: ReadDb,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; nextBeforeSeq: number | null }> {
  const wanted = filter.limit + 1;
  // Newest first: the log's tail past the lookup, then the lookup's older entries, under one watermark
  // (the lookup only grows, so an entry is in exactly one of the two).
  const watermark = await lookupWatermark(db);
  const seqs = (
    await sql<{
      seq: number;
    }>`SELECT seq FROM audit_log WHERE seq > ${watermark} AND ${auditFilter(filter, 'audit_log')}
      ORDER BY seq DESC LIMIT ${wanted}`.execute(db)
  ).rows.map((row) => row.seq);
  if (seqs.length < wanted) {
    const older = await sql<{
      seq: number;
    }>`SELECT seq FROM audit_lookup WHERE seq <= ${watermark} AND ${auditFilter(filter, 'audit_lookup')}
        ORDER BY seq DESC LIMIT ${wanted - seqs.length}`.execute(db);
    seqs.push(...older.rows.map((row) => row.seq));
  }
  const rows =
    seqs.length === 0
      ? []
      : await db.selectFrom('audit_log').selectAll().where('seq', 'in', seqs).orderBy('seq', 'desc').execute();
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map(toEntry),
    nextBeforeSeq: rows.length > filter.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/** The audit screen's filters over the columns the log and its lookup share. */
function auditFilter(filter: AuditFilter, table: 'audit_log' | 'audit_lookup'): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const terms: RawBuilder<unknown>[] = [];
  if (filter.actor) {
    const namePrefix = `${filter.actor.replace(/[%_\\]/g, '\\$&')}%`;
    terms.push(
      sql`(${column('actor_username')} = ${filter.actor.toLowerCase()} OR ${column('actor_username')} IN
        (SELECT username FROM users WHERE display_name LIKE ${namePrefix} ESCAPE '\\'))`,
    );
  }
  if (filter.action)
    terms.push(sql`${column('action')} LIKE ${`${filter.action.replace(/[%_\\]/g, '\\$&')}%`} ESCAPE '\\'`);
  if (filter.outcome) terms.push(sql`${column('outcome')} = ${filter.outcome}`);
  const views = filter.recordViews ?? [];
  if (filter.entries === 'views') terms.push(views.length ? sql`${column('action')} IN (${sql.join(views)})` : sql`0`);
  if (filter.entries === 'changes' && views.length) terms.push(sql`${column('action')} NOT IN (${sql.join(views)})`);
  if (filter.from !== undefined) terms.push(sql`${column('created_at')} >= ${filter.from}`);
  if (filter.to !== undefined) terms.push(sql`${column('created_at')} < ${filter.to}`);
  if (filter.beforeSeq !== undefined) terms.push(sql`${column('seq')} < ${filter.beforeSeq}`);
  return terms.length === 0 ? sql`1` : sql.join(terms, sql` AND `);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.created_at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  };
}

/**
 * Walks the chain in order and reports the first entry whose link or content does not hold: the whole
 * chain, or from an entry already verified (`after`) on, the entries after it having to link to it.
 */
export async function verifyAuditChain(db: ReadDb, after: AuditHead | null = null): Promise<OwnChainVerification> {
  let prevHash = after?.hash ?? GENESIS_HASH;
  let expectedSeq = (after?.seq ?? 0) + 1;
  let checked = 0;
  let head: AuditHead | null = after;
  const pageSize = 5000;
  for (;;) {
    const { rows } = await sql<AuditRow & { expected: string }>`
      SELECT *, audit_mac(${sql.raw(AUDIT_MAC_ARGUMENTS)}) AS expected FROM audit_log
      WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${pageSize}`.execute(db);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, brokenAtSeq: expectedSeq, reason: `entry ${expectedSeq} is missing`, head };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAtSeq: row.seq,
          reason: `entry ${row.seq} does not link to the entry before it`,
          head,
        };
      }
      if (row.expected !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAtSeq: row.seq,
          reason: `entry ${row.seq} was changed after it was written (its keyed hash does not match)`,
          head,
        };
      }
      prevHash = row.hash;
      head = { seq: row.seq, hash: row.hash };
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, checked, head };
  }
}

/** A problem opening found between the log and its checkpoint, as recorded in the log. */
export interface RecordedCheckpointFinding {
  seq: number;
  at: number;
  problem: string;
  message: string;
}

/** Every `audit.checkpoint` failure the log holds: truncations and rebuilds found at earlier opens. */
export async function recordedCheckpointFindings(db: Kysely<Database>): Promise<RecordedCheckpointFinding[]> {
  const failed = matchingAuditSeqs(
    (table) => sql`${sql.ref(`${table}.action`)} = 'audit.checkpoint' AND ${sql.ref(`${table}.outcome`)} = 'failed'`,
  );
  const { rows } = await sql<{ seq: number; created_at: number; details: string | null }>`
    SELECT seq, created_at, details FROM audit_log WHERE seq IN ${failed} ORDER BY seq`.execute(db);
  return rows.map((row) => {
    const details = (row.details ? JSON.parse(row.details) : {}) as { problem?: string; message?: string };
    return { seq: row.seq, at: row.created_at, problem: details.problem ?? '', message: details.message ?? '' };
  });
}
