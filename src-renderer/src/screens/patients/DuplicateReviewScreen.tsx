import { useState } from 'react';
import type { DuplicatePair, PatientSearchRow } from '../../../../src-shared/patients/model';
import { formatDate } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';

/** The manager's duplicate finder: every likely pair in the clinic, best first, with why it looks alike. */
export function DuplicateReviewScreen() {
  const { t } = useTranslation('patients');
  const settings = useClinicSettings((state) => state.settings);
  const read = useProcedure('patients.duplicatePairs', { limit: 200 });
  // Pairs marked as different people leave the list at once, without reading it again.
  const [different, setDifferent] = useState<DuplicatePair[]>([]);
  const pairs = read.value?.filter((pair) => !different.includes(pair)) ?? null;
  const error = read.error;
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const format = settings?.dateFormat ?? 'YYYY-MM-DD';

  async function notSame(pair: DuplicatePair) {
    const result = await call('patients.markNotDuplicate', { a: pair.a.id, b: pair.b.id });
    if (!result.ok) return setMessage({ error: result.error.message });
    setDifferent((current) => [...current, pair]);
    setMessage({
      success: t('DuplicateReviewScreen.andAreMarkedAsDifferent', {
        aName: pair.a.name,
        mrn: pair.a.mrn,
        bName: pair.b.name,
        mrn2: pair.b.mrn,
      }),
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
        <h1>{t('DuplicateReviewScreen.possibleDuplicates')}</h1>
        <a className="button" href="#/patients">
          {t('DuplicateReviewScreen.backToSearch')}
        </a>
      </div>
      <p className="lead">{t('DuplicateReviewScreen.pairsOfRecordsThatMay')}</p>
      <ErrorMessage error={error} area={t('DuplicateReviewScreen.theDuplicateReview')} />
      <FormMessage error={message.error ?? null} success={message.success ?? null} />
      {pairs === null && !error && <p>{t('DuplicateReviewScreen.lookingForDuplicates')}</p>}
      {pairs !== null && pairs.length === 0 && <p>{t('DuplicateReviewScreen.noLikelyDuplicatesInThe')}</p>}
      {pairs !== null && pairs.length > 0 && (
        <table aria-label={t('DuplicateReviewScreen.possibleDuplicatePairs')}>
          <thead>
            <tr>
              <th scope="col">{t('DuplicateReviewScreen.record')}</th>
              <th scope="col">{t('DuplicateReviewScreen.possiblyTheSameAs')}</th>
              <th scope="col">{t('DuplicateReviewScreen.score')}</th>
              <th scope="col">{t('DuplicateReviewScreen.why')}</th>
              <th scope="col">{t('DuplicateReviewScreen.decide')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr
                key={`${pair.a.id}|${pair.b.id}`}
                aria-label={t('DuplicateReviewScreen.and', { aName: pair.a.name, bName: pair.b.name })}
              >
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
                      {t('DuplicateReviewScreen.merge')}
                    </a>
                    <button type="button" onClick={() => void notSame(pair)}>
                      {t('DuplicateReviewScreen.notTheSamePerson')}
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
