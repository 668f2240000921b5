import { useState } from 'react';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { RecoverySheetView, printRecoverySheet } from './RecoverySheetView';

/**
 * A just-made recovery key, shown once: print it or write it down, say so, then go on. Used after
 * set-up and after an administrator makes a new key.
 */
export function RecoverySheetStep({
  sheet,
  onDone,
  doneLabel,
}: {
  sheet: RecoverySheet;
  onDone: () => void;
  doneLabel: string;
}) {
  const [kept, setKept] = useState(false);
  return (
    <div>
      <p className="lead no-print">
        Print this sheet, or copy the key by hand. It is shown only now: Front Desk cannot show it again.
      </p>
      <RecoverySheetView sheet={sheet} />
      <div className="no-print">
        <p>
          <button type="button" onClick={printRecoverySheet}>
            Print recovery sheet
          </button>
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} /> I have printed or
          written down the recovery key and will keep it somewhere safe
        </label>
        <p>
          <button type="button" className="primary" disabled={!kept} onClick={onDone}>
            {doneLabel}
          </button>
        </p>
      </div>
    </div>
  );
}
