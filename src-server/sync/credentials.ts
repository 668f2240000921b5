import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** 32 random bytes; the server keeps only the sha256 (enough for a random secret: nothing to guess). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Crockford's base32 without I, L, O, U: read aloud or typed from paper without confusing 1/I or 0/O.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `XXXX-XXXX-XXXX-XXXX`: 80 random bits, typed once at the desk. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** Case, spaces and dashes do not matter when the code is typed. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export interface Token {
  deviceId: string;
  secret: string;
}

const TOKEN = /^Bearer ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function parseToken(header: string | undefined): Token | null {
  if (!header || header.length > 200) return null;
  const match = TOKEN.exec(header);
  if (!match?.[1] || !match[2]) return null;
  return { deviceId: match[1], secret: match[2] };
}
