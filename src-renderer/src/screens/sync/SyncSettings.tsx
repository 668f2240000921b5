import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { bootstrapSentence, describeSync, lastErrorText, remindersHeldSentence } from './describe-sync';
import { Trans, useTranslation } from '../../i18n';
import { SeedPublisher } from './SeedPublisher';

const FIELDS = ['serverUrl', 'fingerprint', 'code', 'deviceName'];

/** Settings → Sync (administrators): connect this desk to the clinic's server, and what it says. */
export function SyncSettings() {
  const { t } = useTranslation('sync');
  const status = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  const [serverUrl, setServerUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [round, setRound] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const canManageDevices = useSession((state) => state.can('users:manage'));
  const enrolInput = { serverUrl, fingerprint, code, deviceName };
  const problems = () => draftProblems('sync.enrol', enrolInput);
  const { errors, show, showProblems, clear } = useFormErrors(enrolInput, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    setBusy(true);
    const result = await call('sync.enrol', enrolInput);
    setBusy(false);
    if (!result.ok) return show(result.error, FIELDS);
    status.reload();
  }

  /** One round now (push, then pull); its outcome stays in view beside the button. */
  async function syncNow() {
    setSyncing(true);
    setRound({ ok: null, error: null });
    const result = await call('sync.now', {});
    setSyncing(false);
    if (!result.ok) return setRound({ ok: null, error: result.error.message });
    const after = result.value;
    if (after.lastError || after.state !== 'online') {
      const error = lastErrorText(after) ?? describeSync(after, Date.now());
      return setRound({ ok: null, error: t('SyncSettings.syncFailed', { error }) });
    }
    setRound({ ok: t('SyncSettings.syncedResult', { describeSync: describeSync(after, Date.now()) }), error: null });
  }

  const value = status.value;
  return (
    <section className="sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('SyncSettings.sync')}</h2>
      {value && <p>{t('SyncSettings.status', { describeSync: describeSync(value, Date.now()) })}</p>}
      {value && remindersHeldSentence(value) && (
        <p className="sync-held" role="status">
          {remindersHeldSentence(value)}
        </p>
      )}
      {value?.enrolled && (
        <dl>
          <dt>{t('SyncSettings.server')}</dt>
          <dd>{value.serverUrl}</dd>
          <dt>{t('SyncSettings.fingerprint')}</dt>
          <dd>{value.fingerprint ?? t('SyncSettings.noneThisComputer')}</dd>
          {value.lastError && (
            <>
              <dt>{t('SyncSettings.lastError')}</dt>
              <dd>{lastErrorText(value)}</dd>
            </>
          )}
          {value.clockWarning && (
            <>
              <dt>{t('SyncSettings.clock')}</dt>
              <dd>{value.clockWarning}</dd>
            </>
          )}
          {bootstrapSentence(value) && (
            <>
              <dt>{t('SyncSettings.snapshot')}</dt>
              <dd>{bootstrapSentence(value)}</dd>
            </>
          )}
        </dl>
      )}
      {value?.enrolled && (
        <div className="sync-now">
          <button type="button" onClick={() => void syncNow()} disabled={syncing} aria-busy={syncing}>
            {syncing ? t('SyncSettings.syncing') : t('SyncSettings.syncNow')}
          </button>
          <FormMessage error={round.error} success={round.ok} />
          {canManageDevices && (
            <p>
              <Trans t={t} i18nKey="SyncSettings.manageDevices" components={{ a: <a href="#/devices" /> }} />
            </p>
          )}
        </div>
      )}
      {value?.enrolled && <SeedPublisher />}
      {value && !value.enrolled && (
        <form aria-label={t('SyncSettings.connectThisDesk')} onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('SyncSettings.connectThisDeskToThe')}</p>
          <Field
            label={t('SyncSettings.serverAddress')}
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            error={errors.fields.serverUrl}
            hint={t('SyncSettings.serverAddressHint')}
          />
          <Field
            label={t('SyncSettings.certificateFingerprint')}
            value={fingerprint}
            onChange={(event) => setFingerprint(event.target.value)}
            error={errors.fields.fingerprint}
            hint={t('SyncSettings.theSha256FingerprintThe')}
          />
          <Field
            label={t('SyncSettings.oneTimeCode')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.code}
            hint={t('SyncSettings.fromNpmRunServerEnrol')}
          />
          <Field
            label={t('SyncSettings.deskName')}
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
            error={errors.fields.deviceName}
            hint={t('SyncSettings.deskNameHint')}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('SyncSettings.connecting') : t('SyncSettings.connectThisDesk')}
          </button>
          <FormMessage error={errors.form} />
        </form>
      )}
      {value && value.rejected.length > 0 && (
        <>
          <h3>{t('SyncSettings.changesTheServerRefused')}</h3>
          <ul>
            {value.rejected.map((change) => (
              <li key={change.id}>
                {change.table}: {change.reason} ({change.code})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
