import type { ReadDb } from '../db/handles';

/** The audit action that marks a clinic as a demo for good (the log is append-only). */
export const DEMO_ACTION = 'demo.created';

/** Whether this clinic was made by `seedDemoClinic` (reads the audit log's action index). */
export async function isDemo(db: ReadDb): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('action', '=', DEMO_ACTION)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
