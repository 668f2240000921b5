import type { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';
import { validationError } from '../../../src-shared/api/field-errors';

/** Parses input with a procedure's schema; a failure names each field and what is wrong with it. */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const error = validationError(parsed.error);
  throw new ApiError('VALIDATION', error.message, error.details);
}
