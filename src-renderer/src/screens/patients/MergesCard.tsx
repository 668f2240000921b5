import { useState } from 'react';
import type { PatientMergeSummary, PatientRecord } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { useProcedure, useReloadOnChange } from '../../hooks/useProcedure';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { useTranslation } from '../../i18n';

/** The merges this record took part in; un-merge restores both records exactly as they were. */
export function MergesCard({ record, canMerge }: { record: PatientRecord; canMerge: boolean }) {
  const { t } = useTranslation('patients');
  const clock = useClinicClock();
  const show = usePatients((state) => state.show);
  const read = useProcedure('patients.merges', { patientId: record.id });
  useReloadOnChange(record, read.reload);
  const merges = read.value ?? [];
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function unmerge(merge: PatientMergeSummary) {
    setMessage({});
    const result = await call('patients.unmerge', { mergeId: merge.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    const { survivor, restored } = result.value;
    setMessage({
      success: t('MergesCard.unMergedAndAreSeparate', {
        restoredName: restored.name,
        mrn: restored.mrn,
        survivorName: survivor.name,
        mrn2: survivor.mrn,
      }),
    });
    show(record.id === restored.id ? restored : survivor);
  }

  if (merges.length === 0 && !message.success) return null;
  return (
    <section className="card" aria-labelledby="merges-heading">
      <h2 id="merges-heading">{t('MergesCard.merges')}</h2>
      <FormMessage error={message.error ?? null} success={message.success ?? null} />
      <ul className="plain">
        {merges.map((merge) => (
          <li key={merge.id}>
            <a href={`#/patients/${merge.mergedId}`}>{merge.mergedMrn}</a> ({merge.mergedName}
            {t('MergesCard.mergedInto')} <a href={`#/patients/${merge.survivorId}`}>{merge.survivorMrn}</a>
            <div className="muted">
              {formatDateTime(merge.mergedAt, clock)} {t('MergesCard.by')} {merge.mergedBy ?? t('MergesCard.frontDesk')}
              {merge.undoneAt !== null &&
                t('MergesCard.unMergedBy', {
                  undoneAt: formatDateTime(merge.undoneAt, clock),
                  undoneBy: merge.undoneBy ?? t('MergesCard.frontDesk'),
                })}
            </div>
            {merge.undoneAt === null && canMerge && (
              <button type="button" onClick={() => void unmerge(merge)}>
                {t('MergesCard.unMerge', { mergedMrn: merge.mergedMrn })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
