import { useState } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useTranslation } from '../../i18n';

/**
 * Settings → Sync, on a connected desk: publishes a copy of this desk as the clinic's start for new
 * desks (`sync.publishSeed`). Making and sending it takes a while on a large clinic, so the button
 * says it is working and the outcome stays beside it.
 */
export function SeedPublisher() {
  const { t } = useTranslation('sync');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });

  async function publish() {
    setBusy(true);
    setOutcome({ ok: null, error: null });
    const result = await call('sync.publishSeed', {});
    setBusy(false);
    if (!result.ok) return setOutcome({ ok: null, error: result.error.message });
    setOutcome({ ok: t('SeedPublisher.published', { size: Math.ceil(result.value.size / 2 ** 20) }), error: null });
  }

  return (
    <section className="sync-seed" aria-labelledby="sync-seed-heading">
      <h3 id="sync-seed-heading">{t('SeedPublisher.heading')}</h3>
      <p>{t('SeedPublisher.explain')}</p>
      <button type="button" onClick={() => void publish()} disabled={busy} aria-busy={busy}>
        {busy ? t('SeedPublisher.publishing') : t('SeedPublisher.publish')}
      </button>
      <FormMessage error={outcome.error} success={outcome.ok} />
    </section>
  );
}
