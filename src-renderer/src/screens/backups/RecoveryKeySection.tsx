import { useState } from 'react';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { RecoverySheetStep } from './RecoverySheetStep';
import { useTranslation } from '../../i18n';

/**
 * When the current recovery key was made, and making a new one (the old sheet stops opening the clinic).
 * The new sheet is shown here once.
 */
export function RecoveryKeySection({
  createdAt,
  sheet,
  onMade,
  onDone,
}: {
  createdAt: number | null;
  sheet: RecoverySheet | null;
  onMade: (sheet: RecoverySheet) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('backups');
  const clock = useClinicClock();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function make() {
    setError(null);
    const result = await call('backups.newRecoveryKey', {});
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    onMade(result.value);
  }

  if (sheet) {
    return (
      <section className="backup-section" aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="no-print">
          {t('RecoveryKeySection.newRecoveryKey')}
        </h2>
        <RecoverySheetStep sheet={sheet} doneLabel={t('RecoveryKeySection.done')} onDone={onDone} />
      </section>
    );
  }
  return (
    <section className="backup-section no-print" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('RecoveryKeySection.recoveryKey')}</h2>
      <p>
        {createdAt === null
          ? t('RecoveryKeySection.thisClinicHasNoRecovery')
          : t('RecoveryKeySection.theCurrentRecoveryKeyWas', { createdAt: formatDate(createdAt, clock) })}
      </p>
      {confirming ? (
        <p>
          <button type="button" className="primary" onClick={() => void make()}>
            {t('RecoveryKeySection.makeANewRecoveryKey')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('RecoveryKeySection.cancel')}
          </button>{' '}
          <span className="hint">{t('RecoveryKeySection.theOldSheetWillNo')}</span>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {createdAt === null
            ? t('RecoveryKeySection.makeARecoveryKey')
            : t('RecoveryKeySection.replaceTheRecoveryKey')}
        </button>
      )}
      <FormMessage error={error} />
    </section>
  );
}
