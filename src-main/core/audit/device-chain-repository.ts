import type { Selectable } from 'kysely';
import type { AuditChainsTable } from '../db/schema';
import type { ReadDb } from '../db/handles';

/** The devices whose audit chains this desk holds (issue 17), in id order. */
export async function chainDevices(db: ReadDb): Promise<string[]> {
  const rows = await db.selectFrom('audit_chains').select('device_id').distinct().orderBy('device_id').execute();
  return rows.map((row) => row.device_id);
}

/** One device's chain, in order. */
export async function chainOf(db: ReadDb, deviceId: string): Promise<Selectable<AuditChainsTable>[]> {
  return db.selectFrom('audit_chains').selectAll().where('device_id', '=', deviceId).orderBy('seq').execute();
}
