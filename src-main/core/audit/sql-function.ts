import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { entryLink, entryMac } from './chain';

type Cell = string | number | bigint | Buffer | null;

/**
 * `audit_mac(AUDIT_MAC_ARGUMENTS)` on this connection: the entry's HMAC under the chain key, which
 * stays in this closure and never enters SQL. Appending, verifying and the migration that re-keyed
 * the chain all compute it here, so they cannot disagree. `onCall` tells the checkpoint writer the
 * chain may have moved.
 */
export function registerAuditMac(handle: BetterSqlite3.Database, chainKey: Buffer, onCall?: () => void): void {
  handle.function('audit_mac', { deterministic: true, varargs: true }, (...cells: unknown[]) => {
    const [prevHash, seq, id, createdAt, actorUserId, actorUsername, action, targetType, targetId, outcome, details] =
      cells as Cell[];
    onCall?.();
    return entryMac(chainKey, String(prevHash ?? ''), {
      seq: Number(seq),
      id: String(id ?? ''),
      created_at: Number(createdAt),
      actor_user_id: textOrNull(actorUserId),
      actor_username: textOrNull(actorUsername),
      action: String(action ?? ''),
      target_type: textOrNull(targetType),
      target_id: textOrNull(targetId),
      outcome: String(outcome ?? ''),
      details: textOrNull(details),
    });
  });
}

/**
 * `audit_link(prev_link, AUDIT_LINK_ARGUMENTS)`: the unkeyed SHA-256 link of the chain that travels to
 * other desks and the server (src-shared/audit/device-chain.ts). No key: anyone holding the chain can
 * recompute it, which is the point.
 */
export function registerAuditLink(handle: BetterSqlite3.Database): void {
  handle.function('audit_link', { deterministic: true, varargs: true }, (...cells: unknown[]) => {
    const [
      prevLink,
      seq,
      id,
      createdAt,
      actorUserId,
      actorUsername,
      action,
      targetType,
      targetId,
      outcome,
      details,
      hash,
    ] = cells as Cell[];
    return entryLink(String(prevLink ?? ''), {
      seq: Number(seq),
      id: String(id ?? ''),
      created_at: Number(createdAt),
      actor_user_id: textOrNull(actorUserId),
      actor_username: textOrNull(actorUsername),
      action: String(action ?? ''),
      target_type: textOrNull(targetType),
      target_id: textOrNull(targetId),
      outcome: String(outcome ?? ''),
      details: textOrNull(details),
      hash: String(hash ?? ''),
    });
  });
}

function textOrNull(value: Cell | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
