import { useState, type ReactNode } from 'react';
import type { RemoveResult } from '../../../../src-shared/scheduling/model';
import type { Result } from '../../../../src-shared/api/errors';
import { RemoveAction } from './RemoveAction';
import { useTranslation } from '../../i18n';

export interface EditableRowProps {
  /** The row's cells before its actions, the row header first. */
  cells: ReactNode;
  /** How the buttons name the row to a screen reader: "Edit Dr Okafor", "Remove Monday 09:00–17:00". */
  what: string;
  editing: boolean;
  onToggleEdit: () => void;
  remove: () => Promise<Result<RemoveResult>>;
  onRemoved: (message: string) => void;
  /** Columns in the table, actions included: the edit form spans them all. */
  columns: number;
  /** Shown under the row while editing. */
  form: ReactNode;
}

/** A set-up list's row with Edit (opening its form under it) and Remove (asking once). */
export function EditableRow({
  cells,
  what,
  editing,
  onToggleEdit,
  remove,
  onRemoved,
  columns,
  form,
}: EditableRowProps) {
  const { t } = useTranslation('scheduling-setup');
  return (
    <>
      <tr>
        {cells}
        <td>
          <div className="row-actions">
            <button
              type="button"
              aria-label={t('EditableRow.edit', { what })}
              aria-expanded={editing}
              onClick={onToggleEdit}
            >
              {t('EditableRow.edit2')}
            </button>
            <RemoveAction what={what} remove={remove} onDone={onRemoved} />
          </div>
        </td>
      </tr>
      {editing && (
        <tr className="subrow">
          <td colSpan={columns}>{form}</td>
        </tr>
      )}
    </>
  );
}

/**
 * Which row of a list is being edited and the list's last message: the props each row and each row's
 * form take. A removal reloads the lists (`reload`); a saved form closes.
 */
export function useEditableRows(reload: () => void) {
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return {
    status,
    row: (id: string) => ({
      editing: editing === id,
      onToggleEdit: () => setEditing(editing === id ? null : id),
      onRemoved: (message: string) => {
        setStatus(message);
        reload();
      },
    }),
    form: {
      onCancel: () => setEditing(null),
      onSaved: (message: string) => {
        setEditing(null);
        setStatus(message);
      },
    },
  };
}
