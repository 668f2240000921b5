import { walkChain, type DeviceChainVerification } from '../../../src-shared/audit/device-chain';
import type { ReadDb } from '../db/handles';
import { sha256hex } from './chain';
import { chainDevices, chainOf } from './device-chain-repository';

/**
 * Every other device's audit chain held here, each walked on its own (issue 17). Without those desks'
 * keys the HMACs cannot be recomputed here; what is checked is the unkeyed structure: numbering, each
 * `prev_hash` equal to the entry before's hash, each `link` the SHA-256 of the link before and the entry.
 */
export async function verifyDeviceChains(db: ReadDb): Promise<DeviceChainVerification[]> {
  const results: DeviceChainVerification[] = [];
  for (const deviceId of await chainDevices(db))
    results.push(walkChain(deviceId, await chainOf(db, deviceId), sha256hex));
  return results;
}
