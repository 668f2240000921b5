/**
 * The audit chains that travel between desks (issue 17): each device's own log, as rows of the synced
 * ledger `audit_chains` keyed (device_id, seq). Shared by the desk and the server, which hash the same
 * text with SHA-256 (node:crypto on both sides; this file stays free of Node so the renderer may import it).
 */

export const GENESIS = '0'.repeat(64);

/** The fields of one entry that its link covers, in a fixed order. */
export interface LinkedEntry {
  seq: number;
  id: string;
  created_at: number;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string | null;
  /** The entry's keyed HMAC: the public link pins it, so it cannot be swapped without breaking the link. */
  hash: string;
}

/**
 * What an entry's `link` is the SHA-256 of: the previous entry's link, every field and the keyed hash.
 * Unkeyed on purpose: any holder of the chain (another desk, the server) can recompute it, so an entry
 * edited or removed anywhere but at the head breaks every link after it. The device id is not in it: a
 * desk writes its chain before it knows the id it will enrol as (see docs/architecture.md).
 */
export function linkText(prevLink: string, entry: LinkedEntry): string {
  return JSON.stringify([
    prevLink,
    entry.seq,
    entry.id,
    entry.created_at,
    entry.actor_user_id,
    entry.actor_username,
    entry.action,
    entry.target_type,
    entry.target_id,
    entry.outcome,
    entry.details,
    entry.hash,
  ]);
}

/** One device's chain as verified: intact up to its head, or where it first breaks. */
export type DeviceChainVerification =
  | { deviceId: string; ok: true; checked: number; headSeq: number }
  | { deviceId: string; ok: false; checked: number; headSeq: number; brokenAtSeq: number; reason: string };

/** A row of `audit_chains` as both sides read it. */
export interface ChainRow extends LinkedEntry {
  prev_hash: string;
  link: string;
}

/**
 * Walks one device's entries in order (they must come sorted by seq) and reports the first that does
 * not hold: a missing number, a `prev_hash` that is not the previous entry's keyed hash, or a `link`
 * that is not the SHA-256 of the previous link and the entry. `sha256hex` is the caller's hash.
 */
export function walkChain(
  deviceId: string,
  rows: Iterable<ChainRow>,
  sha256hex: (text: string) => string,
): DeviceChainVerification {
  let expected = 1;
  let prevHash = GENESIS;
  let prevLink = GENESIS;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: string): DeviceChainVerification => ({
      deviceId,
      ok: false,
      checked,
      headSeq: expected - 1,
      brokenAtSeq: expected,
      reason,
    });
    if (row.seq !== expected) return broken(`entry ${expected} is missing`);
    if (row.prev_hash !== prevHash) return broken(`entry ${row.seq} does not link to the entry before it`);
    if (row.link !== sha256hex(linkText(prevLink, row))) {
      return broken(`entry ${row.seq} was changed after it was written (its link does not match)`);
    }
    prevHash = row.hash;
    prevLink = row.link;
    expected += 1;
    checked += 1;
  }
  return { deviceId, ok: true, checked, headSeq: expected - 1 };
}
