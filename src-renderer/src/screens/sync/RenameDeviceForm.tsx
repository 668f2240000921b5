import { useState, type SyntheticEvent } from 'react';
import type { DeviceInfo } from '../../../../src-shared/api/areas/devices';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** A device's name as people know it ("Reception 1"), typed in its row; the server keeps it for every desk. */
export function RenameDeviceForm({
  device,
  onDone,
}: {
  device: DeviceInfo;
  /** Renamed (true) or left as it was (false). */
  onDone: (renamed: boolean) => void;
}) {
  const { t } = useTranslation('sync');
  const [name, setName] = useState(device.name);
  const [busy, setBusy] = useState(false);
  const input = { deviceId: device.id, name };
  const { errors, show, showProblems, clear } = useFormErrors({ name }, () => draftProblems('devices.rename', input));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = draftProblems('devices.rename', input);
    if (Object.keys(local).length > 0) return showProblems(local, ['name']);
    setBusy(true);
    const answer = await call('devices.rename', input);
    setBusy(false);
    if (!answer.ok) return show(answer.error, ['name']);
    onDone(true);
  }

  return (
    <form
      className="rename-device"
      aria-label={t('RenameDeviceForm.formLabel', { deskCode: device.deskCode })}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
      }}
      noValidate
    >
      <Field
        label={t('RenameDeviceForm.deskName')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.fields.name}
        autoFocus
      />
      <FormMessage error={errors.form} />
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('RenameDeviceForm.saving') : t('RenameDeviceForm.saveName')}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(false)}>
          {t('RenameDeviceForm.cancel')}
        </button>
      </div>
    </form>
  );
}
