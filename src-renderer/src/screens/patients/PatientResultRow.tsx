import { memo } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { formatDate } from '../../../../src-shared/patients/dates';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import type { ClockTime } from '../../format/clock-time';

interface Props {
  row: PatientSearchRow;
  active: boolean;
  dateFormat: DateFormat;
  phone: (stored: string) => string;
  clock: ClockTime;
  /** The row's words, from the screen: a row calling `useTranslation` itself paid react-i18next's
   * per-mount copy of the i18next instance, 20 times a keystroke (about 3 ms of it at 10k patients). */
  words: ResultRowWords;
}

export interface ResultRowWords {
  deceased: string;
  inactive: string;
}

/**
 * One row of the patient search results. Memoised: a keystroke re-renders the screen (new query, then the
 * new answer), and rows whose patient, selection and formats are unchanged are not drawn again.
 */
export const PatientResultRow = memo(function PatientResultRow({
  row,
  active,
  dateFormat,
  phone,
  clock,
  words,
}: Props) {
  return (
    <tr className={active ? 'active-row' : undefined} aria-selected={active}>
      <td>
        <a href={`#/patients/${row.id}`}>{row.name}</a>
        {row.deceased && <span className="tag">{words.deceased}</span>}
        {!row.active && <span className="tag">{words.inactive}</span>}
      </td>
      <td>{formatDate(row.dob, dateFormat)}</td>
      <td>{row.age}</td>
      <td>{row.mrn}</td>
      <td>{row.phone ? phone(row.phone) : '—'}</td>
      <td>
        {row.nextAppointment ? (
          <a href={`#/calendar/${row.nextAppointment.date}`}>
            {formatDate(row.nextAppointment.date, dateFormat)} {clock.hhmm(row.nextAppointment.time)} ·{' '}
            {row.nextAppointment.providerName}
          </a>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
});
