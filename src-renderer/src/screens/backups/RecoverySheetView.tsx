import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import './backups.css';
import { useTranslation } from '../../i18n';

/** Prints the sheet alone: the class tells the print style sheet to hide everything else. */
export function printRecoverySheet(): void {
  document.body.classList.add('printing-recovery-sheet');
  const done = () => {
    document.body.classList.remove('printing-recovery-sheet');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/**
 * The recovery sheet as it is printed: the key in eight groups, the clinic, the date it was made and
 * what to do with it. Shown once; Front Desk keeps only the database key wrapped under it.
 */
export function RecoverySheetView({ sheet }: { sheet: RecoverySheet }) {
  const { t } = useTranslation('backups');
  const clock = useClinicClock();
  return (
    <article className="recovery-sheet" aria-label={t('RecoverySheetView.recoverySheet')}>
      <h2>{t('RecoverySheetView.frontDeskRecoverySheet')}</h2>
      <dl>
        <dt>{t('RecoverySheetView.clinic')}</dt>
        <dd>{sheet.clinicName}</dd>
        <dt>{t('RecoverySheetView.madeOn')}</dt>
        <dd>{formatDate(sheet.createdAt, clock)}</dd>
      </dl>
      <p>{t('RecoverySheetView.recoveryKey')}</p>
      <p className="recovery-key" aria-label={t('RecoverySheetView.recoveryKey2')} data-testid="recovery-key">
        {sheet.recoveryKey.split('-').map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </p>
      <p>{t('RecoverySheetView.thisKeyOpensTheClinic')}</p>
      <p>{t('RecoverySheetView.aNewerSheetReplacesThis')}</p>
    </article>
  );
}
