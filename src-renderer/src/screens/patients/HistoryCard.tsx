import { useState } from 'react';
import type { Output } from '../../../../src-shared/api/contract';
import type { PatientHistoryEntry, PatientRecord } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { useProcedure, useReloadOnChange } from '../../hooks/useProcedure';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';

interface Older {
  /** The latest page these follow: a new read of it starts the list again. */
  after: Output<'patients.history'>;
  entries: PatientHistoryEntry[];
  next: number | null;
}

/** Who changed what and when on this record, from the audit log; reloaded whenever the record changes on screen. */
export function HistoryCard({ record }: { record: PatientRecord }) {
  const { t } = useTranslation('patients');
  const clock = useClinicClock();
  const latest = useProcedure('patients.history', { patientId: record.id, limit: 20 });
  useReloadOnChange(record, latest.reload);
  // Older pages asked for with the button, kept while they follow the latest page read.
  const [older, setOlder] = useState<Older | null>(null);
  const [olderError, setOlderError] = useState<string | null>(null);
  const shownOlder = older && older.after === latest.value ? older : null;
  const entries = [...(latest.value?.entries ?? []), ...(shownOlder?.entries ?? [])];
  const next = shownOlder ? shownOlder.next : (latest.value?.nextBeforeSeq ?? null);
  const error = latest.error?.message ?? olderError;

  async function showOlder() {
    if (next === null || latest.value === null) return;
    const after = latest.value;
    const result = await call('patients.history', { patientId: record.id, limit: 20, beforeSeq: next });
    if (!result.ok) return setOlderError(result.error.message);
    setOlderError(null);
    setOlder({
      after,
      entries: [...(shownOlder?.entries ?? []), ...result.value.entries],
      next: result.value.nextBeforeSeq,
    });
  }

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('HistoryCard.historyOfChanges')}</h2>
      <FormMessage error={error} />
      {latest.value !== null && entries.length === 0 && <p className="muted">{t('HistoryCard.noChangesYet')}</p>}
      <ol className="plain history">
        {entries.map((entry) => (
          <li key={entry.seq}>
            <span className="muted nowrap">{formatDateTime(entry.at, clock)}</span>{' '}
            <strong>{entry.by ?? t('HistoryCard.frontDesk')}</strong> · {entry.description}
          </li>
        ))}
      </ol>
      {next !== null && (
        <button type="button" onClick={() => void showOlder()}>
          {t('HistoryCard.showOlderChanges')}
        </button>
      )}
    </section>
  );
}
