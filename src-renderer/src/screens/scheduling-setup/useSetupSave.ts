import { useState } from 'react';
import type { Result } from '../../../../src-shared/api/errors';
import { useFormErrors, type DraftProblems, type FormValues } from '../../hooks/useFormErrors';
import { useSetupLists } from './setup-lists';
import { useTranslation } from '../../i18n';

/**
 * What every set-up form does on submit, adding a row or editing one: clear the old messages, refuse
 * in main's words what `check` (the procedure's own schema, `draftProblems`) already refuses, send,
 * show main's refusal beside the fields it names — or say what was saved (to the row's list when
 * editing, under the form when adding, which then starts blank) and reload the lists.
 */
export function useSetupSave(
  editing: boolean,
  onSaved: ((message: string) => void) | undefined,
  /** The form's values: a field's error goes when it changes. */
  values: FormValues,
  /** The draft's problems as the procedure it saves with would answer: shown as the user types. */
  check?: DraftProblems,
) {
  const { t } = useTranslation('scheduling-setup');
  const reload = useSetupLists((state) => state.reload);
  const errors = useFormErrors(values, check);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function restart() {
    errors.clear();
    setDone(null);
  }

  async function save<T>(
    send: () => Promise<Result<T>>,
    fields: readonly string[],
    describe: (value: T) => string,
    reset: () => void,
  ): Promise<void> {
    restart();
    const local = check?.() ?? {};
    if (Object.keys(local).length > 0) return errors.showProblems(local, fields);
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (!result.ok) return errors.show(result.error, fields);
    const what = describe(result.value);
    if (editing) onSaved?.(t('useSetupSave.saved', { what }));
    else {
      setDone(t('useSetupSave.added', { what }));
      reset();
    }
    reload();
  }

  return { errors, done, busy, restart, save };
}
