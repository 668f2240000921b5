import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { DeviceRow } from './DeviceRow';
import { EnrolCodeForm } from './EnrolCodeForm';
import { useTranslation } from '../../i18n';

/**
 * Devices (administrators of a connected desk): the clinic's computers as the sync server knows them,
 * a one-time code for a new desk, and revoking one. The server checks the permission again.
 */
export function DevicesScreen() {
  const { t } = useTranslation('sync');
  const { value, error, loading, reload } = useProcedure('devices.list', {}, { refreshOn: { 'sync.changed': true } });

  return (
    <section aria-labelledby="devices-heading">
      <h1 id="devices-heading">{t('DevicesScreen.devices')}</h1>
      <p className="lead">
        {value ? t('DevicesScreen.leadClinic', { clinicName: value.clinicName }) : t('DevicesScreen.lead')}
      </p>
      <FormMessage error={error?.message ?? null} />
      <div className="row-actions">
        <button type="button" onClick={reload} disabled={loading}>
          {loading ? t('DevicesScreen.asking') : t('DevicesScreen.refresh')}
        </button>
      </div>
      {value && (
        <table>
          <caption className="visually-hidden">{t('DevicesScreen.devicesOfThisClinic')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('DevicesScreen.name')}</th>
              <th scope="col">{t('DevicesScreen.desk')}</th>
              <th scope="col">{t('DevicesScreen.enrolled')}</th>
              <th scope="col">{t('DevicesScreen.lastSeen')}</th>
              <th scope="col">{t('DevicesScreen.status')}</th>
              <th scope="col">{t('DevicesScreen.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {value.devices.map((device) => (
              <DeviceRow
                key={device.id}
                device={device}
                isThisDesk={device.id === value.thisDeviceId}
                onRevoked={reload}
                onRenamed={reload}
              />
            ))}
          </tbody>
        </table>
      )}
      {/* A new device in the list used the code shown: the form starts again. */}
      <EnrolCodeForm key={value?.devices.length ?? 0} />
    </section>
  );
}
