import { useState } from 'react';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { BackupNowForm } from './BackupNowForm';
import { BackupRunsTable } from './BackupRunsTable';
import { BackupScheduleForm } from './BackupScheduleForm';
import { RecoveryKeySection } from './RecoveryKeySection';
import './backups.css';
import { useTranslation } from '../../i18n';

/** Settings → Backup (administrators): back up now, the daily schedule, the recent results, the recovery key. */
export function BackupScreen() {
  const { t } = useTranslation('backups');
  const { value: status, error, reload } = useProcedure('backups.status', {});
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);

  return (
    <section>
      <h1 className="no-print">{t('BackupScreen.backup')}</h1>
      <ErrorMessage error={error} area={t('BackupScreen.backup')} />
      {status && (
        <>
          <BackupNowForm
            defaultFolder={status.schedule?.folder ?? status.recentRuns[0]?.folder ?? ''}
            onDone={reload}
          />
          <BackupRunsTable runs={status.recentRuns} />
          <BackupScheduleForm initial={status.schedule} onSaved={reload} />
          <RecoveryKeySection
            createdAt={status.recoveryKeyCreatedAt}
            sheet={sheet}
            onMade={(made) => {
              setSheet(made);
              reload();
            }}
            onDone={() => setSheet(null)}
          />
        </>
      )}
      {!status && !error && <p>{t('BackupScreen.loading')}</p>}
    </section>
  );
}
