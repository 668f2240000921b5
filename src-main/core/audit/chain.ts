import { createHash } from 'node:crypto';

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

/** The hash of an entry covers every field and the previous entry's hash, so any edit breaks the chain. */
export function entryHash(prevHash: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(canonical).digest('hex');
}
