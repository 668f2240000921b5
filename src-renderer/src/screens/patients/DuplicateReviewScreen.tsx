import { useEffect, useState } from 'react';
import type { DuplicatePair, PatientSearchRow } from '../../../../src-shared/patients/model';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { formatDate } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useClinicSettings } from '../../stores/clinic-settings';

/** The manager's duplicate finder: every likely pair in the clinic, best first, with why it looks alike. */
export function DuplicateReviewScreen() {
  const { settings, load } = useClinicSettings();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const format = settings?.dateFormat ?? 'YYYY-MM-DD';

  useEffect(() => {
    void load();
    void call('patients.duplicatePairs', { limit: 200 }).then((result) => {
      if (result.ok) setPairs(result.value);
      else setError(result.error);
    });
  }, [load]);

  async function notSame(pair: DuplicatePair) {
    const result = await call('patients.markNotDuplicate', { a: pair.a.id, b: pair.b.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    setPairs((current) => (current ?? []).filter((other) => other !== pair));
    setMessage({
      success: `${pair.a.name} (${pair.a.mrn}) and ${pair.b.name} (${pair.b.mrn}) are marked as different people.`,
    });
  }

  const person = (row: PatientSearchRow) => (
    <>
      <a href={`#/patients/${row.id}`}>{row.name}</a>
      <div className="muted">
        {formatDate(row.dob, format)} · {row.mrn}
        {row.phone ? ` · ${row.phone}` : ''}
      </div>
    </>
  );

  return (
    <section>
      <div className="section-head">
        <h1>Possible duplicates</h1>
        <a className="button" href="#/patients">
          Back to search
        </a>
      </div>
      <p className="lead">
        Pairs of records that may be one person, best match first. Merge them, or mark them as different people so that
        they are not suggested again.
      </p>
      <ErrorMessage error={error} area="the duplicate review" />
      <FormMessage error={message.error ?? null} success={message.success ?? null} />
      {pairs === null && !error && <p>Looking for duplicates…</p>}
      {pairs !== null && pairs.length === 0 && <p>No likely duplicates in the clinic.</p>}
      {pairs !== null && pairs.length > 0 && (
        <table aria-label="Possible duplicate pairs">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Possibly the same as</th>
              <th scope="col">Score</th>
              <th scope="col">Why</th>
              <th scope="col">Decide</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr key={`${pair.a.id}|${pair.b.id}`} aria-label={`${pair.a.name} and ${pair.b.name}`}>
                <td>{person(pair.a)}</td>
                <td>{person(pair.b)}</td>
                <td className="nowrap">
                  <strong>{pair.score}</strong>
                  <span className={`tag${pair.strength === 'strong' ? ' warning' : ''}`}>
                    {pair.strength === 'strong' ? 'likely' : 'possible'}
                  </span>
                </td>
                <td>
                  <ul className="reasons">
                    {pair.reasons.map((reason) => (
                      <li key={reason.code}>{reason.message}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <div className="row-actions">
                    <a className="button primary" href={`#/patients/merge/${pair.a.id}/${pair.b.id}`}>
                      Merge…
                    </a>
                    <button type="button" onClick={() => void notSame(pair)}>
                      Not the same person
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
