import { sql } from 'kysely';
import { matchingAuditSeqs } from '../audit/lookup-repository';
import type { ReadDb } from '../db/handles';

/** The audit action that marks a clinic as a demo for good (the log is append-only). */
export const DEMO_ACTION = 'demo.created';

/** Whether this clinic was made by `seedDemoClinic` (reads the audit lookup's action index and the log's unfilled tail). */
export async function isDemo(db: ReadDb): Promise<boolean> {
  const { rows } = await sql<{ demo: number }>`SELECT EXISTS ${matchingAuditSeqs(
    (table) => sql`${sql.ref(`${table}.action`)} = ${DEMO_ACTION}`,
  )} AS demo`.execute(db);
  return rows[0]?.demo === 1;
}
