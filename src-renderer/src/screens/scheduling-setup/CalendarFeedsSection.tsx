import { useState } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSetupLists } from './setup-lists';
import { ProviderChooser } from './ProviderChooser';
import { BusyImportForm } from './BusyImportForm';
import { useTranslation } from '../../i18n';

/** Saves text as a file the browser downloads (the desktop app shows its save dialog for the same link). */
function download(fileName: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The chosen provider's calendar in and out (issue 21): their appointments as an .ics file or a
 * subscription address, and another calendar's busy times imported as time off.
 */
export function CalendarFeedsSection() {
  const { t } = useTranslation('scheduling-setup');
  const providerId = useSetupLists((state) => state.providerId);
  const providers = useSetupLists((state) => state.providers);
  const provider = providers.find((candidate) => candidate.id === providerId);
  const clock = useClinicClock();
  const status = useProcedure('ical.status', {});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [address, setAddress] = useState<string | null>(null);
  const subscription = status.value?.subscriptions.find((row) => row.providerId === providerId);

  async function exportIcs() {
    const result = await call('ical.export', { providerId });
    if (!result.ok) return setMessage({ error: result.error.message });
    download(result.value.fileName, result.value.content);
    setMessage({
      success: t('CalendarFeedsSection.exported', { fileName: result.value.fileName, count: result.value.events }),
    });
  }

  async function issue() {
    const result = await call('ical.issue', { providerId });
    if (!result.ok) return setMessage({ error: result.error.message });
    // Main answers the address on this computer's loopback host (browser mode's own, or the desktop app's feed host).
    setAddress(result.value.url);
    const issued = t(result.value.replaced ? 'CalendarFeedsSection.replaced' : 'CalendarFeedsSection.issued');
    setMessage(result.value.url === null ? { error: t('CalendarFeedsSection.notServed') } : { success: issued });
    status.reload();
  }

  async function revoke() {
    const result = await call('ical.revoke', { providerId });
    if (!result.ok) return setMessage({ error: result.error.message });
    setAddress(null);
    setMessage({ success: t('CalendarFeedsSection.revoked') });
    status.reload();
  }

  async function setNames(allow: boolean) {
    const result = await call('ical.setPatientNames', { allow });
    if (!result.ok) return setMessage({ error: result.error.message });
    status.reload();
  }

  return (
    <>
      <ProviderChooser />
      {provider && (
        <div className="calendar-feeds" key={providerId}>
          <FormMessage error={message.error ?? null} success={message.success ?? null} />
          <h2>{t('CalendarFeedsSection.exportHeading')}</h2>
          <p className="hint">{t('CalendarFeedsSection.exportHint')}</p>
          <button type="button" onClick={() => void exportIcs()}>
            {t('CalendarFeedsSection.exportButton', { displayName: provider.displayName })}
          </button>

          <h2>{t('CalendarFeedsSection.subscriptionHeading')}</h2>
          <p className="hint">{t('CalendarFeedsSection.subscriptionHint')}</p>
          <p>
            {subscription
              ? t('CalendarFeedsSection.liveSince', { since: formatDateTime(subscription.since, clock) })
              : t('CalendarFeedsSection.noSubscription', { displayName: provider.displayName })}
          </p>
          {address && (
            <div className="field">
              <label htmlFor="calendar-feed-address">{t('CalendarFeedsSection.address')}</label>
              <input id="calendar-feed-address" readOnly value={address} onFocus={(event) => event.target.select()} />
              <small className="hint">{t('CalendarFeedsSection.addressShownOnce')}</small>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={() => void issue()}>
              {subscription ? t('CalendarFeedsSection.issueAgain') : t('CalendarFeedsSection.issue')}
            </button>
            {subscription && (
              <button type="button" onClick={() => void revoke()}>
                {t('CalendarFeedsSection.revoke')}
              </button>
            )}
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={status.value?.patientNames ?? false}
              onChange={(event) => void setNames(event.target.checked)}
            />
            {t('CalendarFeedsSection.patientNames')}
          </label>

          <h2>{t('CalendarFeedsSection.importHeading')}</h2>
          <p className="hint">{t('CalendarFeedsSection.importHint')}</p>
          <BusyImportForm providerId={providerId} />
        </div>
      )}
    </>
  );
}
