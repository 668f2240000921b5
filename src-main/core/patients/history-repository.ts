import { sql } from 'kysely';
import { matchingAuditSeqs } from '../audit/lookup-repository';
import type { ReadDb } from '../db/handles';

/** The audit log's rows about one patient, as the patient's history lists them (read only). */

export interface HistoryRow {
  seq: number;
  created_at: number;
  action: string;
  target_id: string | null;
  details: string | null;
  actor_username: string | null;
  display_name: string | null;
}

export interface HistoryQuery {
  patientId: string;
  /** Only entries older than this sequence number (paging back). */
  beforeSeq: number;
  /** One more than a page, so the caller knows whether there is another. */
  limit: number;
  /** The write procedures whose successful entries count. */
  writes: readonly string[];
  /** Two-patient actions: action → the audit detail that names the other patient. */
  otherPatient: Readonly<Record<string, string>>;
}

/** Successful writes aimed at the patient, and two-patient actions naming them in their details, newest first. */
export async function patientAuditRows(db: ReadDb, query: HistoryQuery): Promise<HistoryRow[]> {
  const { patientId, beforeSeq } = query;
  // Both halves use an index of the audit lookup — (target_type, target_id, seq) and (action, seq) over
  // the few two-patient actions — and read the log's tail the lookup has not reached.
  const column = (table: string, name: string) => sql.ref(`${table}.${name}`);
  const aimedAt = matchingAuditSeqs(
    (t) => sql`${column(t, 'target_type')} = 'patient' AND ${column(t, 'target_id')} = ${patientId}
      AND ${column(t, 'seq')} < ${beforeSeq} AND ${column(t, 'outcome')} = 'ok' AND ${column(t, 'action')} IN (${sql.join(query.writes)})`,
  );
  const others = Object.entries(query.otherPatient).map(
    ([action, key]) =>
      sql`SELECT seq FROM ${matchingAuditSeqs(
        (
          t,
        ) => sql`${column(t, 'action')} = ${action} AND ${column(t, 'outcome')} = 'ok' AND ${column(t, 'seq')} < ${beforeSeq}
          AND json_extract(audit_log.details, ${`$.${key}`}) = ${patientId}`,
        { details: true },
      )}`,
  );
  const result = await sql<HistoryRow>`
      WITH hits AS (
        SELECT seq FROM ${aimedAt}
        UNION ${sql.join(others, sql` UNION `)}
      )
      SELECT a.seq, a.created_at, a.action, a.target_id, a.details, a.actor_username, u.display_name
      FROM hits JOIN audit_log a ON a.seq = hits.seq
      LEFT JOIN users u ON u.id = a.actor_user_id
      ORDER BY a.seq DESC LIMIT ${query.limit}`.execute(db);
  return result.rows;
}

/** The MRNs of these patients (merged and removed ones too: history names them as they were). */
export async function mrnsOf(db: ReadDb, patientIds: readonly string[]): Promise<Map<string, string>> {
  const mrns = new Map<string, string>();
  if (patientIds.length === 0) return mrns;
  const found = await db.selectFrom('patients').select(['id', 'mrn']).where('id', 'in', patientIds).execute();
  for (const patient of found) mrns.set(patient.id, patient.mrn);
  return mrns;
}
