import { useState } from 'react';
import type { DeviceInfo } from '../../../../src-shared/api/areas/devices';
import { call } from '../../api';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';
import { RenameDeviceForm } from './RenameDeviceForm';

/** One device; revoking asks to be confirmed in the row, and says what the server answered beside it. */
export function DeviceRow({
  device,
  isThisDesk,
  onRevoked,
  onRenamed,
}: {
  device: DeviceInfo;
  isThisDesk: boolean;
  onRevoked: () => void;
  onRenamed: () => void;
}) {
  const { t } = useTranslation('sync');
  const clock = useClinicClock();
  const [confirming, setConfirming] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = t('DeviceRow.deskName', { deskCode: device.deskCode, name: device.name });

  async function revoke() {
    setBusy(true);
    setError(null);
    const answer = await call('devices.revoke', { deviceId: device.id });
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setConfirming(false);
    onRevoked();
  }

  return (
    <tr className={device.revokedAt !== null ? 'user-disabled' : undefined}>
      <th scope="row">
        {renaming ? (
          <RenameDeviceForm
            device={device}
            onDone={(renamed) => {
              setRenaming(false);
              if (renamed) onRenamed();
            }}
          />
        ) : (
          device.name
        )}
        {isThisDesk && <span className="badge">{t('DeviceRow.thisDesk')}</span>}
      </th>
      <td className="mono">{device.deskCode}</td>
      <td className="nowrap">{formatDateTime(device.enrolledAt, clock)}</td>
      <td className="nowrap">
        {device.lastSeenAt === null ? t('DeviceRow.never') : formatDateTime(device.lastSeenAt, clock)}
      </td>
      <td>
        {device.revokedAt === null ? (
          <span className="badge badge-ok">{t('DeviceRow.active')}</span>
        ) : (
          <span className="badge badge-denied">
            {t('DeviceRow.revokedAt', { when: formatDateTime(device.revokedAt, clock) })}
          </span>
        )}
      </td>
      <td>
        {device.revokedAt === null && !renaming && !confirming && (
          <button type="button" aria-label={t('DeviceRow.renameLabel', { label })} onClick={() => setRenaming(true)}>
            {t('DeviceRow.rename')}
          </button>
        )}{' '}
        {device.revokedAt === null && !isThisDesk && !confirming && (
          <button type="button" aria-label={t('DeviceRow.revokeLabel', { label })} onClick={() => setConfirming(true)}>
            {t('DeviceRow.revoke')}
          </button>
        )}
        {confirming && (
          <div role="group" aria-label={t('DeviceRow.confirmLabel', { label })}>
            <p>{t('DeviceRow.confirmText', { label })}</p>
            <div className="row-actions">
              <button type="button" className="danger" disabled={busy} onClick={() => void revoke()} autoFocus>
                {busy ? t('DeviceRow.revoking') : t('DeviceRow.yesRevoke')}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t('DeviceRow.cancel')}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
