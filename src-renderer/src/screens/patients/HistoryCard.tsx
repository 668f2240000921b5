import { useEffect, useState } from 'react';
import type { PatientHistoryEntry } from '../../../../src-shared/patients/model';
import type { PatientRecord } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';

/** Who changed what and when on this record, from the audit log; reloaded whenever the record changes on screen. */
export function HistoryCard({ record }: { record: PatientRecord }) {
  const { t } = useTranslation('patients');
  const clock = useClinicClock();
  const [entries, setEntries] = useState<PatientHistoryEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('patients.history', { patientId: record.id, limit: 20 }).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setEntries(result.value.entries);
      setNext(result.value.nextBeforeSeq);
    });
  }, [record]);

  async function older() {
    if (next === null) return;
    const result = await call('patients.history', { patientId: record.id, limit: 20, beforeSeq: next });
    if (!result.ok) return setError(result.error.message);
    setEntries([...entries, ...result.value.entries]);
    setNext(result.value.nextBeforeSeq);
  }

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('HistoryCard.historyOfChanges')}</h2>
      <FormMessage error={error} />
      <ol className="plain history">
        {entries.map((entry) => (
          <li key={entry.seq}>
            <span className="muted nowrap">{formatDateTime(entry.at, clock)}</span>{' '}
            <strong>{entry.by ?? t('HistoryCard.frontDesk')}</strong> · {entry.description}
          </li>
        ))}
      </ol>
      {next !== null && (
        <button type="button" onClick={() => void older()}>
          {t('HistoryCard.showOlderChanges')}
        </button>
      )}
    </section>
  );
}
