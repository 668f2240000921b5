import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, type AuditHead } from './chain';

/** The last entry, or entry 0 with the genesis hash for an empty log (so emptying a log is caught too). */
export function readAuditHead(handle: BetterSqlite3.Database): AuditHead {
  const row = handle.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    AuditHead | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** The hash of entry `seq`, if the log holds it. */
export function auditHashAt(handle: BetterSqlite3.Database, seq: number): string | undefined {
  return handle.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined;
}
