import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { useSession } from '../../stores/session';
import { useClockTime } from '../../format/clock-time';
import { usePhoneFormat } from '../../format/phone';
import { useTranslation } from '../../i18n';
import { PatientResultRow } from './PatientResultRow';

/** Reception's landing screen: one box for name, phone, MRN, date of birth or email. */
export function PatientSearchScreen() {
  const { t } = useTranslation('patients');
  const query = usePatients((state) => state.query);
  const setQuery = usePatients((state) => state.setQuery);
  // Read as typed; an answer to an earlier query that arrives late is dropped.
  const found = useProcedure('patients.search', query.trim() === '' ? null : { query, limit: 20 });
  const results = found.value ?? [];
  const error = found.error?.message ?? null;
  const settings = useClinicSettings((state) => state.settings);
  const phone = usePhoneFormat();
  const canRegister = useSession((state) => state.can('patients:write'));
  const canMerge = useSession((state) => state.can('patients:merge'));
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const clock = useClockTime();
  const format = settings?.dateFormat ?? 'YYYY-MM-DD';
  const open = (id: string) => (window.location.hash = `#/patients/${id}`);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter' && results[active]) open(results[active].id);
    else return;
    event.preventDefault();
  }

  return (
    <section>
      <div className="section-head">
        <h1>{t('PatientSearchScreen.patients')}</h1>
        <div className="actions">
          {canMerge && (
            <a className="button" href="#/patients/duplicates">
              {t('PatientSearchScreen.reviewDuplicates')}
            </a>
          )}
          {canRegister && (
            <a className="button primary" href="#/patients/new">
              {t('PatientSearchScreen.registerNewPatient')}
            </a>
          )}
        </div>
      </div>
      <div className="field search-field">
        <label htmlFor="patient-search">{t('PatientSearchScreen.findAPatient')}</label>
        <input
          id="patient-search"
          ref={input}
          type="search"
          value={query}
          autoComplete="off"
          placeholder={t('PatientSearchScreen.namePhoneMrnDateOf', { format })}
          onChange={(event) => {
            setActive(0);
            setQuery(event.target.value);
          }}
          onKeyDown={onKeyDown}
          aria-controls="patient-results"
        />
        <small className="hint">{t('PatientSearchScreen.toChooseEnterToOpen')}</small>
      </div>
      <FormMessage error={error} />
      {query.trim() !== '' && (
        <table id="patient-results">
          <caption className="visually-hidden">{t('PatientSearchScreen.patientsMatching', { query })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('PatientSearchScreen.name')}</th>
              <th scope="col">{t('PatientSearchScreen.dateOfBirth')}</th>
              <th scope="col">{t('PatientSearchScreen.age')}</th>
              <th scope="col">{t('PatientSearchScreen.mrn')}</th>
              <th scope="col">{t('PatientSearchScreen.phone')}</th>
              <th scope="col">{t('PatientSearchScreen.nextAppointment')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((row, index) => (
              <PatientResultRow
                key={row.id}
                row={row}
                active={index === active}
                dateFormat={format}
                phone={phone}
                clock={clock}
              />
            ))}
          </tbody>
        </table>
      )}
      {query.trim() !== '' && results.length === 0 && <p>{t('PatientSearchScreen.noPatientMatches', { query })}</p>}
    </section>
  );
}
