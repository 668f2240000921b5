import { useEffect, useState } from 'react';
import type { PatientMergeSummary, PatientRecord } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';

/** The merges this record took part in; un-merge restores both records exactly as they were. */
export function MergesCard({ record, canMerge }: { record: PatientRecord; canMerge: boolean }) {
  const clock = useClinicClock();
  const show = usePatients((state) => state.show);
  const [merges, setMerges] = useState<PatientMergeSummary[]>([]);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  useEffect(() => {
    void call('patients.merges', { patientId: record.id }).then((result) => {
      if (result.ok) setMerges(result.value);
    });
  }, [record]);

  async function unmerge(merge: PatientMergeSummary) {
    setMessage({});
    const result = await call('patients.unmerge', { mergeId: merge.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    const { survivor, restored } = result.value;
    setMessage({
      success: `Un-merged: ${restored.name} (${restored.mrn}) and ${survivor.name} (${survivor.mrn}) are separate records again.`,
    });
    show(record.id === restored.id ? restored : survivor);
  }

  if (merges.length === 0 && !message.success) return null;
  return (
    <section className="card" aria-labelledby="merges-heading">
      <h2 id="merges-heading">Merges</h2>
      <FormMessage error={message.error ?? null} success={message.success ?? null} />
      <ul className="plain">
        {merges.map((merge) => (
          <li key={merge.id}>
            <a href={`#/patients/${merge.mergedId}`}>{merge.mergedMrn}</a> ({merge.mergedName}) merged into{' '}
            <a href={`#/patients/${merge.survivorId}`}>{merge.survivorMrn}</a>
            <div className="muted">
              {formatDateTime(merge.mergedAt, clock)} by {merge.mergedBy ?? 'Front Desk'}
              {merge.undoneAt !== null &&
                ` · un-merged ${formatDateTime(merge.undoneAt, clock)} by ${merge.undoneBy ?? 'Front Desk'}`}
            </div>
            {merge.undoneAt === null && canMerge && (
              <button type="button" onClick={() => void unmerge(merge)}>
                Un-merge {merge.mergedMrn}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
