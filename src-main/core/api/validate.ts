import type { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';
import { validationError } from '../../../src-shared/api/field-errors';

/** Parses input with a procedure's schema; a failure names each field and what is wrong with it. */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(raw);
  } catch {
    // zod's length checks read `.length` of whatever came, and a crafted object (a `length` that
    // cannot become a number) throws inside them rather than failing the type check.
    throw new ApiError('VALIDATION', 'input: is not in the shape this procedure takes', {
      fields: { input: 'is not in the shape this procedure takes' },
    });
  }
  if (parsed.success) return parsed.data;
  const error = validationError(parsed.error);
  throw new ApiError('VALIDATION', error.message, error.details);
}
