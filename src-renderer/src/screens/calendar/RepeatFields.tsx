import type { Input } from '../../../../src-shared/api/contract';
import { useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import type { SeriesRefusal } from '../../../../src-shared/api/areas/series';
import type { Frequency } from '../../../../src-shared/scheduling/recurrence';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { useClockTime } from '../../format/clock-time';
import { Trans, useTranslation } from '../../i18n';

/**
 * "Repeat" in the booking panel: every N days, weeks or months, for a number of times or until a
 * date. When some dates are refused nothing is booked; the dates and reasons are listed with a
 * button to book the others — a receptionist decides, nothing is skipped silently.
 */

interface RepeatDraft {
  on: boolean;
  frequency: Frequency;
  interval: string;
  ends: 'count' | 'until';
  count: string;
  until: string;
}

const INITIAL: RepeatDraft = { on: false, frequency: 'weekly', interval: '1', ends: 'count', count: '6', until: '' };

/** One booking as the panel sends it; a series books the same on each date. */
type SingleBooking = Pick<
  Input<'appointments.book'>,
  'patientId' | 'providerId' | 'typeId' | 'start' | 'roomId' | 'reason' | 'notes' | 'meetingLink'
>;

function refusalsOf(details: unknown): SeriesRefusal[] | null {
  if (
    typeof details !== 'object' ||
    details === null ||
    !('occurrences' in details) ||
    !Array.isArray(details.occurrences)
  )
    return null;
  return details.occurrences as SeriesRefusal[];
}

export function useRepeat(onBooked: (first: AppointmentView) => void) {
  const [draft, setDraft] = useState<RepeatDraft>(INITIAL);
  const [refused, setRefused] = useState<{ dates: SeriesRefusal[]; total: number; booking: SingleBooking } | null>(
    null,
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function book(booking: SingleBooking, skipRefused = false): Promise<void> {
    setFields({});
    setError(null);
    setBusy(true);
    const result = await call('series.book', {
      ...booking,
      repeat: {
        frequency: draft.frequency,
        interval: Number(draft.interval),
        ...(draft.ends === 'count' ? { count: Number(draft.count) } : { until: draft.until }),
      },
      skipRefused,
    });
    setBusy(false);
    if (result.ok) {
      setRefused(null);
      const first = result.value.booked[0];
      if (first) onBooked(first);
      return;
    }
    const dates = refusalsOf(result.error.details);
    const total = typeof result.error.details?.total === 'number' ? result.error.details.total : 0;
    if (result.error.code === 'CONFLICT' && dates) return setRefused({ dates, total, booking });
    setRefused(null);
    setFields(result.error.details?.fields ?? {});
    setError(result.error.message);
  }

  return { draft, setDraft, refused, fields, error, busy, on: draft.on, book };
}

export function RepeatFields({ repeat }: { repeat: ReturnType<typeof useRepeat> }) {
  const { t } = useTranslation('calendar');
  const showDate = useCalendarDate();
  const clock = useClockTime();
  const { draft, setDraft, refused, fields, error, busy } = repeat;
  const fitting = refused ? refused.total - refused.dates.length : 0;
  return (
    <div className="cal-repeat">
      <label className="checkbox">
        <Trans
          t={t}
          i18nKey="RepeatFields.repeat"
          components={{
            input: (
              <input
                type="checkbox"
                checked={draft.on}
                onChange={(event) => setDraft({ ...draft, on: event.target.checked })}
              />
            ),
          }}
        />
      </label>
      {draft.on && (
        <fieldset>
          <legend>{t('RepeatFields.repeats')}</legend>
          <div className="cal-repeat-row">
            <Field
              label={t('RepeatFields.every')}
              type="number"
              min={1}
              max={52}
              value={draft.interval}
              onChange={(event) => setDraft({ ...draft, interval: event.target.value })}
              error={fields['repeat.interval']}
            />
            <SelectField
              label={t('RepeatFields.period')}
              value={draft.frequency}
              options={[
                { value: 'daily', label: t('RepeatFields.days') },
                { value: 'weekly', label: t('RepeatFields.weeks') },
                { value: 'monthly', label: t('RepeatFields.months') },
              ]}
              onChange={(event) => setDraft({ ...draft, frequency: event.target.value as Frequency })}
            />
          </div>
          <SelectField
            label={t('RepeatFields.ends')}
            value={draft.ends}
            options={[
              { value: 'count', label: t('RepeatFields.afterANumberOfTimes') },
              { value: 'until', label: t('RepeatFields.onADate') },
            ]}
            onChange={(event) => setDraft({ ...draft, ends: event.target.value as RepeatDraft['ends'] })}
          />
          {draft.ends === 'count' ? (
            <Field
              label={t('RepeatFields.numberOfTimes')}
              type="number"
              min={2}
              max={200}
              value={draft.count}
              onChange={(event) => setDraft({ ...draft, count: event.target.value })}
              error={fields['repeat.count']}
            />
          ) : (
            <DateField
              label={t('RepeatFields.lastDate')}
              value={draft.until}
              onChange={(value) => setDraft({ ...draft, until: value })}
              error={fields['repeat.until']}
            />
          )}
        </fieldset>
      )}
      {refused && (
        <div role="alert" className="form-error cal-problems">
          <strong>
            {t('RepeatFields.nothingBookedOfDatesCannot', { datesLength: refused.dates.length, total: refused.total })}
          </strong>
          <ul>
            {refused.dates.map((date) => (
              <li key={date.index}>
                {showDate(date.date)} {clock.hhmm(date.time)}: {date.problems.map((p) => p.message).join(' ')}
              </li>
            ))}
          </ul>
          {fitting > 0 && (
            <button type="button" disabled={busy} onClick={() => void repeat.book(refused.booking, true)}>
              {t('RepeatFields.bookTheDatesThatFit', { fitting })}
            </button>
          )}
        </div>
      )}
      <FormMessage error={error} />
    </div>
  );
}
