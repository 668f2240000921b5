import { useState, type SyntheticEvent } from 'react';
import type { BackupSchedule } from '../../../../src-shared/api/areas/backups';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { Trans, useTranslation } from '../../i18n';

const FIELDS = ['enabled', 'folder', 'timeOfDay', 'keep'] as const;

/** The daily backup: on or off, to which folder, at what time on the clinic's clock, keeping how many. */
export function BackupScheduleForm({ initial, onSaved }: { initial: BackupSchedule | null; onSaved: () => void }) {
  const { t } = useTranslation('backups');
  const [form, setForm] = useState({
    enabled: initial?.enabled ?? false,
    folder: initial?.folder ?? '',
    timeOfDay: initial?.timeOfDay ?? '19:00',
    keep: String(initial?.keep ?? 14),
  });
  const [saved, setSaved] = useState<string | null>(null);
  const input = () => ({
    enabled: form.enabled,
    folder: form.folder,
    timeOfDay: form.timeOfDay,
    // As typed: "two weeks" goes as NaN, which main's schema refuses in its own words.
    keep: Number(form.keep),
  });
  const problems = () => draftProblems('backups.updateSchedule', input());
  const { errors, show, showProblems, clear } = useFormErrors(form, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    const result = await call('backups.updateSchedule', input());
    if (!result.ok) return show(result.error, FIELDS);
    setSaved(
      result.value.enabled
        ? t('BackupScheduleForm.savedEveryDayAtTo', {
            timeOfDay: result.value.timeOfDay,
            folder: result.value.folder,
            keep: result.value.keep,
          })
        : t('BackupScheduleForm.savedTheDailyBackupIs'),
    );
    onSaved();
  }

  return (
    <form
      className="backup-section no-print"
      aria-label={t('BackupScheduleForm.dailyBackup')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('BackupScheduleForm.dailyBackup')}</h2>
      <p className="hint">{t('BackupScheduleForm.runsWhileFrontDeskIs')}</p>
      <label className="checkbox">
        <Trans
          t={t}
          i18nKey="BackupScheduleForm.backUpEveryDay"
          components={{
            input: (
              <input
                type="checkbox"
                checked={form.enabled}
                onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
              />
            ),
          }}
        />
      </label>
      <Field
        label={t('BackupScheduleForm.folder')}
        value={form.folder}
        onChange={(event) => setForm({ ...form, folder: event.target.value })}
        error={errors.fields.folder}
        hint={t('BackupScheduleForm.theFullPathOfA')}
      />
      <Field
        label={t('BackupScheduleForm.timeOfDay')}
        type="time"
        value={form.timeOfDay}
        onChange={(event) => setForm({ ...form, timeOfDay: event.target.value })}
        error={errors.fields.timeOfDay}
      />
      <Field
        label={t('BackupScheduleForm.backupsToKeep')}
        type="number"
        min={1}
        max={365}
        value={form.keep}
        onChange={(event) => setForm({ ...form, keep: event.target.value })}
        error={errors.fields.keep}
        hint={t('BackupScheduleForm.afterEachDailyBackupOlder')}
      />
      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary">
        {t('BackupScheduleForm.saveSchedule')}
      </button>
    </form>
  );
}
