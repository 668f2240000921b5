import { hkdfSync } from 'node:crypto';

/** Keys derived from the database key, one per use, so none of them is the database key itself. */
export interface AuditKeys {
  /** Keys each entry's HMAC: without it an edited, deleted or inserted entry cannot be re-chained. */
  chain: Buffer;
  /** Signs the head checkpoint kept beside the database and with each backup. */
  checkpoint: Buffer;
}

const SALT = Buffer.from('front-desk audit', 'utf8');

export function deriveAuditKeys(databaseKey: Buffer): AuditKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', databaseKey, SALT, info, 32));
  return { chain: derive('audit chain v1'), checkpoint: derive('audit checkpoint v1') };
}
