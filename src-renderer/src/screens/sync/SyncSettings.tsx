import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { describeSync } from './describe-sync';

const FIELDS = ['serverUrl', 'fingerprint', 'code'];

/** Settings → Sync (administrators): connect this desk to the clinic's server, and what it says. */
export function SyncSettings() {
  const status = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  const [serverUrl, setServerUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, show, clear } = useFormErrors({ serverUrl, fingerprint, code });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const result = await call('sync.enrol', { serverUrl, fingerprint, code });
    setBusy(false);
    if (!result.ok) return show(result.error, FIELDS);
    status.reload();
  }

  const value = status.value;
  return (
    <section className="sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      {value && <p>Status: {describeSync(value, Date.now())}</p>}
      {value?.enrolled ? (
        <dl>
          <dt>Server</dt>
          <dd>{value.serverUrl}</dd>
          <dt>Fingerprint</dt>
          <dd>{value.fingerprint ?? 'none (this computer)'}</dd>
          {value.lastError && (
            <>
              <dt>Last error</dt>
              <dd>{value.lastError}</dd>
            </>
          )}
          {value.clockWarning && (
            <>
              <dt>Clock</dt>
              <dd>{value.clockWarning}</dd>
            </>
          )}
        </dl>
      ) : (
        <form aria-label="Connect this desk" onSubmit={(event) => void submit(event)} noValidate>
          <p>
            Connect this desk to the clinic&apos;s sync server. The first desk connected sends all its data; later desks
            must be new, not yet set up.
          </p>
          <Field
            label="Server address"
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            error={errors.fields.serverUrl}
            hint="Such as https://clinic-server:8443"
          />
          <Field
            label="Certificate fingerprint"
            value={fingerprint}
            onChange={(event) => setFingerprint(event.target.value)}
            error={errors.fields.fingerprint}
            hint="The SHA-256 fingerprint the server prints (AB:CD:…)"
          />
          <Field
            label="One-time code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.code}
            hint="From npm run server -- enrol-code"
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect this desk'}
          </button>
          <FormMessage error={errors.form} />
        </form>
      )}
      {value && value.rejected.length > 0 && (
        <>
          <h3>Changes the server refused</h3>
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
