import { memo } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { formatDate } from '../../../../src-shared/patients/dates';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import type { ClockTime } from '../../format/clock-time';
import { useTranslation } from '../../i18n';

interface Props {
  row: PatientSearchRow;
  active: boolean;
  dateFormat: DateFormat;
  phone: (stored: string) => string;
  clock: ClockTime;
}

/**
 * One row of the patient search results. Memoised: a keystroke re-renders the screen (new query, then the
 * new answer), and rows whose patient, selection and formats are unchanged are not drawn again.
 */
export const PatientResultRow = memo(function PatientResultRow({ row, active, dateFormat, phone, clock }: Props) {
  const { t } = useTranslation('patients');
  return (
    <tr className={active ? 'active-row' : undefined} aria-selected={active}>
      <td>
        <a href={`#/patients/${row.id}`}>{row.name}</a>
        {row.deceased && <span className="tag">{t('PatientSearchScreen.deceased')}</span>}
        {!row.active && <span className="tag">{t('PatientSearchScreen.inactive')}</span>}
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
