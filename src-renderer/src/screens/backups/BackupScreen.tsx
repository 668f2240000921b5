import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus, RecoverySheet } from '../../../../src-shared/api/areas/backups';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BackupNowForm } from './BackupNowForm';
import { BackupRunsTable } from './BackupRunsTable';
import { BackupScheduleForm } from './BackupScheduleForm';
import { RecoveryKeySection } from './RecoveryKeySection';
import './backups.css';
import { useTranslation } from '../../i18n';

/** Settings → Backup (administrators): back up now, the daily schedule, the recent results, the recovery key. */
export function BackupScreen() {
  const { t } = useTranslation('backups');
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);

  const load = useCallback(async () => {
    const result = await call('backups.status', {});
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <h1 className="no-print">{t('BackupScreen.backup')}</h1>
      <ErrorMessage error={error} area={t('BackupScreen.backup')} />
      {status && (
        <>
          <BackupNowForm
            defaultFolder={status.schedule?.folder ?? status.recentRuns[0]?.folder ?? ''}
            onDone={() => void load()}
          />
          <BackupRunsTable runs={status.recentRuns} />
          <BackupScheduleForm initial={status.schedule} onSaved={() => void load()} />
          <RecoveryKeySection
            createdAt={status.recoveryKeyCreatedAt}
            sheet={sheet}
            onMade={(made) => {
              setSheet(made);
              void load();
            }}
            onDone={() => setSheet(null)}
          />
        </>
      )}
      {!status && !error && <p>{t('BackupScreen.loading')}</p>}
    </section>
  );
}
