import type { z } from 'zod';
import type { ApiErrorData } from './errors';

/**
 * A map's key is a path segment too, and may hold anything a client sent: dots and spaces in it are
 * percent-encoded (and an empty key written "") so a field path always splits back into the segments
 * it was made of.
 */
/** What a field left out is told (zod's own words name types); a catalogue entry for main's Spanish. */
const REQUIRED_MESSAGE = 'is required';

const segment = (part: PropertyKey): string =>
  String(part).replace(
    /[%.\s]/gu,
    (character) => `%${character.codePointAt(0)?.toString(16).padStart(2, '0') ?? ''}`,
  ) || '""';

/**
 * A zod failure as the VALIDATION error main answers: each field path once, with what is wrong. Main
 * throws it; a form gets the very same answer for its draft before sending (`validateDraft`).
 */
export function validationError(error: z.ZodError): ApiErrorData & { details: { fields: Record<string, string> } } {
  // A Map, then Object.fromEntries: a field path such as `__proto__` becomes a key of its own instead of
  // being swallowed by the object's prototype (which would leave the error naming no field).
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(segment).join('.') || 'input';
    if (!fields.has(path))
      fields.set(path, /received undefined/.test(issue.message) ? REQUIRED_MESSAGE : issue.message);
  }
  const message = [...fields].map(([field, problem]) => `${field}: ${problem}`).join('; ');
  return { code: 'VALIDATION', message, details: { fields: Object.fromEntries(fields) } };
}
