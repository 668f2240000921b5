import type { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';

/**
 * A map's key is a path segment too, and may hold anything a client sent: dots and spaces in it are
 * percent-encoded (and an empty key written "") so a field path always splits back into the segments
 * it was made of.
 */
const segment = (part: PropertyKey): string =>
  String(part).replace(
    /[%.\s]/gu,
    (character) => `%${character.codePointAt(0)?.toString(16).padStart(2, '0') ?? ''}`,
  ) || '""';

/** Parses input with a procedure's schema; a failure names each field and what is wrong with it. */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A Map, then Object.fromEntries: a field path such as `__proto__` becomes a key of its own instead of
  // being swallowed by the object's prototype (which would leave the error naming no field).
  const fields = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(segment).join('.') || 'input';
    if (!fields.has(path)) fields.set(path, /received undefined/.test(issue.message) ? 'is required' : issue.message);
  }
  const summary = [...fields].map(([field, problem]) => `${field}: ${problem}`).join('; ');
  throw new ApiError('VALIDATION', summary, { fields: Object.fromEntries(fields) });
}
