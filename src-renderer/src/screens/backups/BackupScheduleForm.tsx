import { useState, type SyntheticEvent } from 'react';
import type { BackupSchedule } from '../../../../src-shared/api/areas/backups';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['enabled', 'folder', 'timeOfDay', 'keep'] as const;

/** The daily backup: on or off, to which folder, at what time on the clinic's clock, keeping how many. */
export function BackupScheduleForm({ initial, onSaved }: { initial: BackupSchedule | null; onSaved: () => void }) {
  const [form, setForm] = useState({
    enabled: initial?.enabled ?? false,
    folder: initial?.folder ?? '',
    timeOfDay: initial?.timeOfDay ?? '19:00',
    keep: String(initial?.keep ?? 14),
  });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors(form);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const result = await call('backups.updateSchedule', {
      enabled: form.enabled,
      folder: form.folder,
      timeOfDay: form.timeOfDay,
      keep: Number(form.keep),
    });
    if (!result.ok) return show(result.error, FIELDS);
    setSaved(
      result.value.enabled
        ? `Saved: every day at ${result.value.timeOfDay} to ${result.value.folder}, keeping the newest ${result.value.keep}.`
        : 'Saved: the daily backup is off.',
    );
    onSaved();
  }

  return (
    <form
      className="backup-section no-print"
      aria-label="Daily backup"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>Daily backup</h2>
      <p className="hint">
        Runs while Front Desk is open, at the time below or as soon after as it is started. If the folder is missing (a
        USB drive not plugged in), it says so below and tries again an hour later.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
        />{' '}
        Back up every day
      </label>
      <Field
        label="Folder"
        value={form.folder}
        onChange={(event) => setForm({ ...form, folder: event.target.value })}
        error={errors.fields.folder}
        hint="The full path of a folder or USB drive."
      />
      <Field
        label="Time of day"
        type="time"
        value={form.timeOfDay}
        onChange={(event) => setForm({ ...form, timeOfDay: event.target.value })}
        error={errors.fields.timeOfDay}
      />
      <Field
        label="Backups to keep"
        type="number"
        min={1}
        max={365}
        value={form.keep}
        onChange={(event) => setForm({ ...form, keep: event.target.value })}
        error={errors.fields.keep}
        hint="After each daily backup, older Front Desk backups in that folder are deleted; other files never are."
      />
      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary">
        Save schedule
      </button>
    </form>
  );
}
