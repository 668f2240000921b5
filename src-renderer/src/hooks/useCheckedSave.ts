import { useState } from 'react';
import type { ApiErrorData, Result } from '../../../src-shared/api/errors';
import { useFormErrors, type DraftProblems, type FormValues } from './useFormErrors';

/**
 * A form's save, as every form does it: clear the old messages; refuse in main's words what `check` (the
 * procedure's own schema through `draftProblems`, and the form's own reading of money or dates) already
 * refuses, without sending; send; show main's refusal beside the fields it names (`shown`: the fields the
 * form has; others go to the form's message) — or the message `done` makes of the answer.
 */
export function useCheckedSave(values: FormValues, check: DraftProblems, shown?: readonly string[]) {
  const form = useFormErrors(values, check);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /**
   * Sends unless `check` refuses; true when main saved. `refused` may move a refusal's fields first;
   * `checkNow` checks what this save sends when it is not the form's draft (a table row retired as it is).
   */
  async function save<T>(
    send: () => Promise<Result<T>>,
    done: (value: T) => string | null,
    {
      refused = (error) => error,
      checkNow = check,
    }: { refused?: (error: ApiErrorData) => ApiErrorData; checkNow?: DraftProblems } = {},
  ): Promise<boolean> {
    form.clear();
    setSaved(null);
    const local = checkNow();
    if (Object.keys(local).length > 0) {
      form.showProblems(local, shown);
      return false;
    }
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (!result.ok) {
      form.show(refused(result.error), shown);
      return false;
    }
    setSaved(done(result.value));
    return true;
  }

  return { errors: form.errors, saved, busy, save, clear: form.clear };
}
