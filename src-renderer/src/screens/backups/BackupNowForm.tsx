import { useState, type SyntheticEvent } from 'react';
import type { BackupRun } from '../../../../src-shared/api/areas/backups';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { describeRun } from './describe-run';
import { useTranslation } from '../../i18n';

/** "Back up now" to a folder typed in full (a USB drive's mount point, a shared folder). */
export function BackupNowForm({ defaultFolder, onDone }: { defaultFolder: string; onDone: () => void }) {
  const { t } = useTranslation('backups');
  const [folder, setFolder] = useState(defaultFolder);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<BackupRun | null>(null);
  const problems = () => draftProblems('backups.runNow', { folder });
  const { errors, show, showProblems, clear } = useFormErrors({ folder }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setLast(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['folder']);
    setBusy(true);
    const result = await call('backups.runNow', { folder });
    setBusy(false);
    if (!result.ok) return show(result.error, ['folder']);
    setLast(result.value);
    onDone();
  }

  const outcome = last ? describeRun(last) : null;
  return (
    <form
      className="backup-section no-print"
      aria-label={t('BackupNowForm.backUpNow')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('BackupNowForm.backUpNow')}</h2>
      <div className="backup-inline">
        <Field
          label={t('BackupNowForm.backupFolder')}
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
          error={errors.fields.folder}
          hint="The full path of a folder or USB drive, such as /media/usb or E:\Backups."
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('BackupNowForm.backingUp') : t('BackupNowForm.backUpNow')}
        </button>
      </div>
      <FormMessage
        error={errors.form ?? (outcome && !outcome.good ? outcome.text : null)}
        success={outcome?.good ? outcome.text : null}
      />
    </form>
  );
}
