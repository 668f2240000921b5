import { useState, type SyntheticEvent } from 'react';
import type { ConflictView } from '../../../../src-shared/api/areas/conflicts';
import { call } from '../../api';
import { TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** "Mark resolved": a required note of what was done, kept with the conflict on every desk. */
export function ResolveForm({ conflict, label }: { conflict: ConflictView; label: string }) {
  const { t } = useTranslation('conflicts');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const input = { conflictId: conflict.id, note: note.trim() };
  /** What is wrong as typed: a blank note in the desk's words, then main's rules for the note. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('conflicts.resolve', input),
    ...(note.trim() === '' && { note: t('ResolveForm.sayWhatWasDone') }),
  });
  const errors = useFormErrors({ note }, problems);

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['note']);
    setBusy(true);
    const result = await call('conflicts.resolve', input);
    setBusy(false);
    // Resolved: `conflicts.changed` refreshes the list, which drops this row.
    if (!result.ok) errors.show(result.error, ['note']);
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`${t('ResolveForm.markResolved')}: ${label}`}>
        {t('ResolveForm.markResolved')}
      </button>
    );
  }
  return (
    <form className="conflict-resolve" onSubmit={(event) => void save(event)} noValidate>
      <TextAreaField
        label={t('ResolveForm.note')}
        hint={t('ResolveForm.noteHint')}
        value={note}
        maxLength={500}
        rows={2}
        required
        error={errors.errors.fields.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit" disabled={busy}>
        {busy ? t('ResolveForm.saving') : t('ResolveForm.save')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('ResolveForm.cancel')}
      </button>
    </form>
  );
}
