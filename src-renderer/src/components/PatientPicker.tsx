import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PatientSearchRow } from '../../../src-shared/patients/model';
import { call } from '../api';
import { useCalendarDate } from '../format/calendar-date';
import { useTranslation } from '../i18n';

interface PatientPickerProps {
  patient: PatientSearchRow | null;
  onChange: (patient: PatientSearchRow | null) => void;
  error: string | undefined;
  /** Prefix of the element ids, unique on the page. */
  idPrefix: string;
  /** For a parent that moves the focus to the search box. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

let latestSearch = 0;

/**
 * Search as you type and choose one patient; the choice shows with a Change button. From the keyboard:
 * Down goes from the box into the matches, Up and Down move among them, Up from the first goes back to
 * the box; Enter in the box takes the first match (it would otherwise send the form without a patient),
 * Enter on a match takes that one, and the focus then rests on Change rather than falling to the page.
 */
export function PatientPicker({ patient, onChange, error, idPrefix, inputRef }: PatientPickerProps) {
  const { t } = useTranslation('common');
  const showDate = useCalendarDate();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSearchRow[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const ownInput = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownInput;
  const list = useRef<HTMLUListElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const [justChosen, setJustChosen] = useState(false);
  useEffect(() => {
    if (patient && justChosen) change.current?.focus();
    setJustChosen(false);
  }, [patient, justChosen]);

  function choose(row: PatientSearchRow) {
    setJustChosen(true);
    onChange(row);
    setResults([]);
    setQuery('');
  }

  function matches(): HTMLButtonElement[] {
    return [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  }

  function onBoxKey(event: KeyboardEvent<HTMLInputElement>) {
    const first = results[0];
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      matches()[0]?.focus();
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      choose(first);
    }
  }

  function onListKey(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = matches();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  }

  async function find(text: string) {
    setQuery(text);
    const ticket = ++latestSearch;
    if (text.trim() === '') return setResults([]);
    const result = await call('patients.search', { query: text, limit: 8 });
    if (ticket !== latestSearch) return;
    setResults(result.ok ? result.value : []);
    setFailed(result.ok ? null : result.error.message);
  }

  if (patient) {
    return (
      <div className="field">
        <span className="field-label">{t('PatientPicker.patient')}</span>
        <div className="cal-chosen">
          <span>
            <strong>{patient.name}</strong>
            <small className="muted cal-block">
              {t('PatientPicker.mrn', { dob: showDate(patient.dob), mrn: patient.mrn })}
            </small>
          </span>
          <button
            type="button"
            ref={change}
            onClick={() => {
              onChange(null);
              setTimeout(() => input.current?.focus());
            }}
          >
            {t('PatientPicker.change')}
          </button>
        </div>
      </div>
    );
  }
  const problem = error ?? failed ?? undefined;
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-patient-search`}>{t('PatientPicker.patient')}</label>
      <input
        id={`${idPrefix}-patient-search`}
        ref={input}
        type="search"
        autoComplete="off"
        placeholder={t('PatientPicker.namePhoneMrnOrDate')}
        value={query}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${idPrefix}-patient-error` : undefined}
        onChange={(event) => void find(event.target.value)}
        onKeyDown={onBoxKey}
      />
      {problem && (
        <small id={`${idPrefix}-patient-error`} className="field-error">
          {problem}
        </small>
      )}
      {results.length > 0 && (
        <ul className="cal-results" aria-label={t('PatientPicker.matchingPatients')} ref={list} onKeyDown={onListKey}>
          {results.map((row) => (
            <li key={row.id}>
              <button type="button" onClick={() => choose(row)}>
                <strong>{row.name}</strong>
                <span className="muted">{t('PatientPicker.mrn', { dob: showDate(row.dob), mrn: row.mrn })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && results.length === 0 && !failed && (
        <small className="hint">{t('PatientPicker.noPatientMatches', { query })}</small>
      )}
    </div>
  );
}
