import { HLC_PATTERN } from './protocol';

/**
 * The rules of src-shared/sync/protocol.ts's schemas for one value each, checked by hand for the quick
 * checks of what the server sends (snapshot-row-check.ts, change-check.ts): zod's answer is asked only for
 * what these refuse, so they may be stricter than the schema, never looser.
 */
const NAME = /^[a-z_][a-z0-9_]*$/;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isName = (value: unknown) => typeof value === 'string' && value.length <= 64 && NAME.test(value);
export const isHlc = (value: unknown) => typeof value === 'string' && HLC_PATTERN.test(value);

export function isValue(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.length <= 1_000_000;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'b64' && typeof value.b64 === 'string' && value.b64.length <= 14_000_000;
}

export function isKeyPart(part: unknown): boolean {
  return (typeof part === 'string' && part.length <= 200) || (typeof part === 'number' && Number.isSafeInteger(part));
}
