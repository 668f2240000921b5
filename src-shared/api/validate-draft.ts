import { contract, type Input, type ProcedureName } from './contract';
import type { ApiErrorData } from './errors';
import { validationError } from './field-errors';

/**
 * Checks a form's draft against the procedure's own input schema, as main will: null when main would
 * take it, else the same VALIDATION answer (same field paths, same words) main would give, so the
 * message beside a field is main's before anything is sent. Main still checks every call.
 */
export function validateDraft<N extends ProcedureName>(name: N, draft: Input<N>): ApiErrorData | null {
  // As the router does: no input at all is read as an empty object.
  const parsed = contract[name].input.safeParse(draft ?? {});
  return parsed.success ? null : validationError(parsed.error);
}
