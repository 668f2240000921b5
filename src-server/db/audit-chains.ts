import type { ChainRow } from '../../src-shared/audit/device-chain';
import type { ServerDb } from './open';

export interface HeldChain {
  clinicName: string;
  deviceId: string;
  /** The device's entries, sorted by their number in its chain. */
  rows: ChainRow[];
}

/**
 * Every device's audit chain the server holds (the merged `audit_chains` rows), per clinic and device.
 * Read whole: this is an administrator's occasional check (`npm run server -- audit-chains`), not a path
 * any desk waits on.
 */
export async function heldAuditChains(db: ServerDb): Promise<HeldChain[]> {
  const rows = await db
    .selectFrom('rows')
    .innerJoin('clinics', 'clinics.id', 'rows.clinic_id')
    .select(['clinics.name as clinic_name', 'rows.clinic_id', 'rows.values'])
    .where('rows.table_name', '=', 'audit_chains')
    .execute();
  const chains = new Map<string, HeldChain>();
  for (const row of rows) {
    const entry = row.values as ChainRow & { device_id: string };
    const id = `${row.clinic_id}\u0000${entry.device_id}`;
    let chain = chains.get(id);
    if (!chain) {
      chain = { clinicName: row.clinic_name, deviceId: entry.device_id, rows: [] };
      chains.set(id, chain);
    }
    chain.rows.push(entry);
  }
  const held = [...chains.values()];
  for (const chain of held) chain.rows.sort((a, b) => a.seq - b.seq);
  return held.sort((a, b) => a.clinicName.localeCompare(b.clinicName) || a.deviceId.localeCompare(b.deviceId));
}
