import type { ReactNode } from 'react';
import type { RemoveResult } from '../../../../src-shared/api/areas/schedule-updates';
import type { Result } from '../../../../src-shared/api/errors';
import { RemoveAction } from './RemoveAction';

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
export function EditableRow({ cells, what, editing, onToggleEdit, remove, onRemoved, columns, form }: EditableRowProps) {
  return (
    <>
      <tr>
        {cells}
        <td>
          <div className="row-actions">
            <button type="button" aria-label={`Edit ${what}`} aria-expanded={editing} onClick={onToggleEdit}>
              Edit
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
