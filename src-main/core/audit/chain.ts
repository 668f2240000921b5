import { createHash, createHmac } from 'node:crypto';
import { linkText, type LinkedEntry } from '../../../src-shared/audit/device-chain';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
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
}

/** The head of the chain: its last entry's sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Every field and the previous entry's hash, in a fixed order: what an entry's hash covers. */
export function canonicalEntry(prevHash: string, fields: ChainedFields): string {
  return JSON.stringify([
    prevHash,
    fields.seq,
    fields.id,
    fields.created_at,
    fields.actor_user_id,
    fields.actor_username,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.outcome,
    fields.details,
  ]);
}

/**
 * HMAC-SHA256 under a key derived from the database key: anyone can recompute a plain hash after
 * deleting or editing an entry, but not this without the key.
 */
export function entryMac(chainKey: Buffer, prevHash: string, fields: ChainedFields): string {
  return createHmac('sha256', chainKey).update(canonicalEntry(prevHash, fields)).digest('hex');
}

/** The plain SHA-256 chain entries had before migration 0016; kept to check that chain before re-keying it. */
export function legacyEntryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(canonicalEntry(prevHash, fields)).digest('hex');
}

/** The columns, in order, the `audit_mac` SQL function takes (registered on every connection at open). */
export const AUDIT_MAC_ARGUMENTS =
  'prev_hash, seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details';

/** The unkeyed link of the chain that travels (src-shared/audit/device-chain.ts): SHA-256, hex. */
export function entryLink(prevLink: string, entry: LinkedEntry): string {
  return sha256hex(linkText(prevLink, entry));
}

export function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The columns, in order, the `audit_link` SQL function takes (the previous link, then the entry's). */
export const AUDIT_LINK_ARGUMENTS =
  'seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details, hash';
