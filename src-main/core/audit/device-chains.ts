import { walkChain, type DeviceChainVerification } from '../../../src-shared/audit/device-chain';
import type { ReadDb } from '../db/handles';
import { sha256hex } from './chain';

/**
 * Every other device's audit chain held here, each walked on its own (issue 17). Without those desks'
 * keys the HMACs cannot be recomputed here; what is checked is the unkeyed structure: numbering, each
 * `prev_hash` equal to the entry before's hash, each `link` the SHA-256 of the link before and the entry.
 */
export async function verifyDeviceChains(db: ReadDb): Promise<DeviceChainVerification[]> {
  const devices = await db.selectFrom('audit_chains').select('device_id').distinct().orderBy('device_id').execute();
  const results: DeviceChainVerification[] = [];
  for (const { device_id: deviceId } of devices) {
    const rows = await db
      .selectFrom('audit_chains')
      .selectAll()
      .where('device_id', '=', deviceId)
      .orderBy('seq')
      .execute();
    results.push(walkChain(deviceId, rows, sha256hex));
  }
  return results;
}
