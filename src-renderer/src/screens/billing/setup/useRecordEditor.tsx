import { useState } from 'react';
import type { Input, Output, ProcedureName } from '../../../../../src-shared/api/contract';
import { call } from '../../../api';
import { useCheckedSave } from '../../../hooks/useCheckedSave';
import { draftProblems } from '../../../hooks/useFormErrors';

interface RecordEditorSpec<N extends ProcedureName, R, V> {
  /** The save procedure: it adds (no record), changes, retires and brings back. */
  procedure: N;
  /** The add form's values. */
  blank: V;
  /** A record's values in the form (Edit fills the form with them; Retire sends them unchanged). */
  valuesOf: (record: R) => V;
  input: (record: R | null, values: V, active?: boolean) => Input<N>;
  /** What the form finds wrong itself before main's schema does (an amount that is not one), by field. */
  ownProblems: (values: V) => Record<string, string>;
  /** The values as main names its fields, for `useFormErrors` to tell which field changed. */
  named: (values: V) => Record<string, unknown>;
  /** The fields the form shows (a refusal naming another goes to the form's message). */
  fields: readonly string[];
  savedMessage: (saved: Output<N>) => string;
  onSaved: () => void;
}

/**
 * A set-up table's record editor: one form that adds a record or edits the one chosen, checking the draft
 * as typed with the procedure's schema, and Retire / Bring back on each row through the same save.
 */
export function useRecordEditor<N extends ProcedureName, R extends { active: boolean }, V>(
  spec: RecordEditorSpec<N, R, V>,
) {
  const [editing, setEditing] = useState<R | null>(null);
  const [form, setForm] = useState<V>(spec.blank);
  const problems = (record: R | null, values: V, active?: boolean): Record<string, string> => ({
    ...draftProblems(spec.procedure, spec.input(record, values, active)),
    ...spec.ownProblems(values),
  });
  const { errors, saved, save, clear } = useCheckedSave(spec.named(form), () => problems(editing, form), spec.fields);

  const cancel = () => {
    setEditing(null);
    setForm(spec.blank);
  };

  async function send(record: R | null, values: V, active?: boolean) {
    const done = await save(() => call(spec.procedure, spec.input(record, values, active)), spec.savedMessage, {
      checkNow: () => problems(record, values, active),
    });
    if (!done) return;
    cancel();
    spec.onSaved();
  }

  return {
    editing,
    form,
    setForm,
    saved,
    errors,
    /** Fills the form with a record to change it. */
    edit: (record: R) => {
      setEditing(record);
      setForm(spec.valuesOf(record));
      clear();
    },
    /** Saves the form: the record being edited, or a new one. */
    submit: () => send(editing, form),
    /** Retires an active record, brings back a retired one. */
    toggle: (record: R) => send(record, spec.valuesOf(record), !record.active),
    cancel,
  };
}

/** A row's Edit and Retire / Bring back, in the section's words. */
export function RecordActions({
  active,
  editLabel,
  words,
  onEdit,
  onToggle,
}: {
  active: boolean;
  /** Edit's accessible name, naming the record ("Edit CONS"). */
  editLabel: string;
  words: { edit: string; retire: string; bringBack: string };
  onEdit: () => void;
  onToggle: () => void;
}) {
  return (
    <div className="row-actions">
      <button type="button" onClick={onEdit} aria-label={editLabel}>
        {words.edit}
      </button>
      <button type="button" onClick={onToggle}>
        {active ? words.retire : words.bringBack}
      </button>
    </div>
  );
}

/** The editor's buttons: Add, or Save and Cancel while a record is being edited. */
export function EditorActions({
  editing,
  words,
  onCancel,
}: {
  editing: boolean;
  words: { add: string; save: string; cancel: string };
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary">
        {editing ? words.save : words.add}
      </button>
      {editing && (
        <button type="button" onClick={onCancel}>
          {words.cancel}
        </button>
      )}
    </div>
  );
}
