import { createHash } from 'node:crypto';
import { GENESIS, linkText, type ChainRow } from '../../src-shared/audit/device-chain';
import type { SyncChange } from '../../src-shared/sync/protocol';
import type { RowState } from './merge';
import type { Refusal } from './validate';

export const AUDIT_TABLE = 'audit_chains';

export function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The key of the entry an audit entry follows, to load with the batch's rows; null for a first entry. */
export function previousKey(change: SyncChange): string | null {
  if (change.table !== AUDIT_TABLE) return null;
  const [device, seq] = change.key;
  return typeof seq === 'number' && seq > 1 ? JSON.stringify([device, seq - 1]) : null;
}

/**
 * What the server can check of a device's audit entry without the desk's key (the keyed HMAC is made
 * with a key derived from that desk's database key, which never leaves it): the entry is in the pushing
 * device's own chain, it is the next one (its predecessor is here, or it is the first), `prev_hash` is
 * its predecessor's keyed hash, and `link` is the SHA-256 of its predecessor's link and its own fields.
 * So a desk can append to its own chain only, in order, and never replace or fork what it already sent
 * (the ledger key (device, seq) is taken once).
 */
export function checkAuditEntry(
  change: SyncChange,
  deviceId: string,
  previous: (rowKey: string) => RowState | null,
): Refusal | null {
  const refuse = (reason: string): Refusal => ({ code: 'AUDIT_CHAIN', reason });
  const [keyDevice, keySeq] = change.key;
  const values = change.values;
  if (keyDevice !== deviceId || values.device_id !== deviceId) {
    return refuse("a device may push entries of its own audit chain only, never another device's");
  }
  if (typeof keySeq !== 'number' || !Number.isInteger(keySeq) || keySeq < 1 || values.seq !== keySeq) {
    return refuse('an audit entry is numbered 1, 2, 3… in its chain, and its key says the same');
  }
  const entry = values as unknown as ChainRow;
  const prevKey = previousKey(change);
  let prevHash = GENESIS;
  let prevLink = GENESIS;
  if (prevKey !== null) {
    const before = previous(prevKey);
    if (!before) return refuse(`entry ${keySeq - 1} of this device's audit chain has not arrived; entries go in order`);
    const { hash, link } = before.values;
    if (typeof hash !== 'string' || typeof link !== 'string')
      return refuse(`entry ${keySeq - 1} is not an audit entry`);
    prevHash = hash;
    prevLink = link;
  }
  if (entry.prev_hash !== prevHash) {
    return refuse(`audit entry ${keySeq} does not link to entry ${keySeq - 1} of this device's chain`);
  }
  if (typeof entry.hash !== 'string' || entry.link !== sha256hex(linkText(prevLink, entry))) {
    return refuse(`audit entry ${keySeq}'s link is not the hash of the entry before it and its own fields`);
  }
  return null;
}
