import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { requireProvider } from '../scheduling/config';
import { insertFeedToken, providerOfFeedToken, revokeFeedTokens } from './feed-repository';

/**
 * Subscription tokens: 32 random bytes, shown once inside the feed's address and kept only as their
 * SHA-256 (a token this long needs no slow hash). Issuing one revokes the provider's previous token, so
 * "issue again" is how a leaked address is replaced.
 */

/** The path the web host serves a token's feed on. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

const TOKEN_IN_PATH = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

/** The token in a feed address's path, or null when the path is not a feed's. */
export function tokenOfPath(pathname: string): string | null {
  return TOKEN_IN_PATH.exec(pathname)?.[1] ?? null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueFeedToken(
  db: Kysely<Database>,
  providerId: string,
  createdBy: string | null,
  now: number,
): Promise<{ token: string; path: string; replaced: boolean }> {
  await requireProvider(db, providerId);
  const replaced = (await revokeFeedTokens(db, providerId, now)) > 0;
  const token = randomBytes(32).toString('base64url');
  await insertFeedToken(db, {
    id: newId(),
    provider_id: providerId,
    token_hash: hashToken(token),
    created_by: createdBy,
    created_at: now,
  });
  return { token, path: feedPath(token), replaced };
}

export async function revokeFeedToken(db: Kysely<Database>, providerId: string, now: number): Promise<boolean> {
  await requireProvider(db, providerId);
  return (await revokeFeedTokens(db, providerId, now)) > 0;
}

/** The provider a token opens, or null for an unknown or revoked one. */
export function providerOfToken(db: ReadDb, token: string): Promise<string | null> {
  return providerOfFeedToken(db, hashToken(token));
}
