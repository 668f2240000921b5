import { useState } from 'react';
import { formatDate } from '../../../../src-shared/locale/date-format';
import { parseDateInput } from '../../../../src-shared/patients/dates';
import { useDateFormat } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';

/**
 * The toolbar's "go to a date": typed in the clinic's date format like every other date field (a
 * browser date input would show the browser's locale), and followed as soon as the text is a whole date
 * (a four-digit year, so "1/1/202" does not jump). The heading beside it, announced as it changes, says
 * the day in words: that is its read-back.
 */
export function JumpToDate({ date, onDate }: { date: string; onDate: (date: string) => void }) {
  const { t } = useTranslation('calendar');
  const format = useDateFormat();
  const [text, setText] = useState(() => formatDate(date, format));
  const [shown, setShown] = useState({ date, format });
  if (shown.date !== date || shown.format !== format) {
    setShown({ date, format });
    if (parseDateInput(text, format) !== date) setText(formatDate(date, format));
  }
  return (
    <>
      <label htmlFor="cal-date" className="visually-hidden">
        {t('JumpToDate.date')}
      </label>
      <input
        id="cal-date"
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        className="date-input"
        placeholder={format}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const read = parseDateInput(event.target.value, format);
          if (read && read !== date) onDate(read);
        }}
      />
    </>
  );
}
