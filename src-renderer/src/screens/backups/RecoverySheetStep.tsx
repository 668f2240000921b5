import { useState } from 'react';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { RecoverySheetView, printRecoverySheet } from './RecoverySheetView';
import { Trans, useTranslation } from '../../i18n';

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
  const { t } = useTranslation('backups');
  const [kept, setKept] = useState(false);
  return (
    <div>
      <p className="lead no-print">{t('RecoverySheetStep.printThisSheetOrCopy')}</p>
      <RecoverySheetView sheet={sheet} />
      <div className="no-print">
        <p>
          <button type="button" onClick={printRecoverySheet}>
            {t('RecoverySheetStep.printRecoverySheet')}
          </button>
        </p>
        <label className="checkbox">
          <Trans
            t={t}
            i18nKey="RecoverySheetStep.iHavePrintedOrWritten"
            components={{
              input: <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />,
            }}
          />
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
