import { useState, type SyntheticEvent } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import type { SeriesRefusal, SeriesScope } from '../../../../src-shared/api/areas/series';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useWaitlistOffers } from '../../stores/waitlist-offers';
import { useCalendarDate } from '../../format/calendar-date';
import { useClockTime } from '../../format/clock-time';
import { formatClockTime, parseClockTime } from '../../../../src-shared/locale/time-format';
import { Trans, i18next, useTranslation } from '../../i18n';

interface SeriesActionsProps {
  appointment: AppointmentView;
  canWrite: boolean;
  /** After a cancel: the panel closes as for a single cancel. */
  onCancelled: (view: AppointmentView) => void;
}

const SCOPES: { value: SeriesScope; label: string }[] = [
  {
    value: 'one',
    get label() {
      return i18next.t('calendar:SeriesActions.thisAppointmentOnly');
    },
  },
  {
    value: 'following',
    get label() {
      return i18next.t('calendar:SeriesActions.thisAndTheFollowingOnes');
    },
  },
  {
    value: 'all',
    get label() {
      return i18next.t('calendar:SeriesActions.theWholeSeriesNotThose');
    },
  },
];

function refusalsOf(details: unknown): SeriesRefusal[] {
  if (
    typeof details !== 'object' ||
    details === null ||
    !('occurrences' in details) ||
    !Array.isArray(details.occurrences)
  )
    return [];
  return details.occurrences as SeriesRefusal[];
}

/** For an occurrence of a recurring series: what the series is, and cancel or retime one, these on, or all. */
export function SeriesActions({ appointment, canWrite, onCancelled }: SeriesActionsProps) {
  const { t } = useTranslation('calendar');
  const showDate = useCalendarDate();
  const clock = useClockTime();
  const { value: series } = useProcedure('series.get', appointment.seriesId ? { appointmentId: appointment.id } : null);
  const [scope, setScope] = useState<SeriesScope>('following');
  const [reason, setReason] = useState('');
  // Typed and shown in the clinic's time format (as the grid and the Move form), sent as HH:mm.
  const [time, setTime] = useState(() => clock.hhmm(appointment.startTime));
  const [refused, setRefused] = useState<SeriesRefusal[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minute = parseClockTime(time);
  const timeRead = minute !== null && minute < 24 * 60;
  const cancelInput = { appointmentId: appointment.id, scope, reason, expectedUpdatedAt: appointment.updatedAt };
  const changeInput = {
    appointmentId: appointment.id,
    scope,
    time: formatClockTime(minute ?? 0, '24h'),
    expectedUpdatedAt: appointment.updatedAt,
  };
  /** What stops this action as typed: the desk's own words for a blank reason or an unreadable time, then main's. */
  const problemsFor = (action: 'cancel' | 'change'): Record<string, string> =>
    action === 'cancel'
      ? {
          ...draftProblems('series.cancel', cancelInput),
          ...(reason.trim() === '' && { reason: t('SeriesActions.sayWhyTheyAreCancelled') }),
        }
      : timeRead
        ? draftProblems('series.change', changeInput)
        : { time: t('SeriesActions.mustBeATimeSuch', { minutes: clock.minutes(9 * 60 + 30) }) };
  // As they type, both: a reason is only missing once they cancel, so a blank one is not said here.
  const errors = useFormErrors({ reason, time }, () => ({
    ...(reason.trim() !== '' && problemsFor('cancel')),
    ...problemsFor('change'),
  }));

  if (!appointment.seriesId || !series) return null;
  const position = series.occurrences.findIndex((o) => o.id === appointment.id) + 1;

  async function run(event: SyntheticEvent, action: 'cancel' | 'change') {
    event.preventDefault();
    errors.clear();
    setRefused([]);
    setDone(null);
    const local = problemsFor(action);
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['reason', 'time']);
    const hhmm = changeInput.time;
    setBusy(true);
    const result =
      action === 'cancel' ? await call('series.cancel', cancelInput) : await call('series.change', changeInput);
    setBusy(false);
    if (!result.ok) {
      const dates = refusalsOf(result.error.details);
      if (dates.length > 0) return setRefused(dates);
      return errors.show(result.error, ['reason', 'time']);
    }
    const count = result.value.appointments.length;
    const first = result.value.appointments[0];
    if (action === 'cancel' && first) {
      useWaitlistOffers.getState().show(appointment);
      return onCancelled(first);
    }
    setDone(t('SeriesActions.movedAppointmentTo', { count, hhmm: clock.hhmm(hhmm) }));
  }

  return (
    <section className="cal-series" aria-label={t('SeriesActions.series')}>
      <h3>
        <Trans
          t={t}
          i18nKey="SeriesActions.repeatsOf"
          values={{ description: series.description, position, occurrencesLength: series.occurrences.length }}
          components={{ small: <small className="muted" /> }}
        />
      </h3>
      {canWrite && (
        <>
          <fieldset>
            <legend>{t('SeriesActions.applyTo')}</legend>
            {SCOPES.map((option) => (
              <label key={option.value} className="checkbox">
                <input
                  type="radio"
                  name="series-scope"
                  value={option.value}
                  checked={scope === option.value}
                  onChange={() => setScope(option.value)}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
          <form
            aria-label={t('SeriesActions.moveSeriesAppointments')}
            noValidate
            onSubmit={(event) => void run(event, 'change')}
            className="cal-series-row"
          >
            <Field
              label={t('SeriesActions.newStartTime')}
              inputMode="text"
              autoComplete="off"
              maxLength={20}
              value={time}
              onChange={(event) => setTime(event.target.value)}
              error={errors.errors.fields.time}
            />
            <button type="submit" disabled={busy}>
              {t('SeriesActions.moveToThisTime')}
            </button>
          </form>
          <form
            aria-label={t('SeriesActions.cancelSeriesAppointments')}
            noValidate
            onSubmit={(event) => void run(event, 'cancel')}
          >
            <Field
              label={t('SeriesActions.reasonForCancellingThese')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={errors.errors.fields.reason}
              maxLength={500}
            />
            <button type="submit" className="danger" disabled={busy}>
              {t('SeriesActions.cancelTheseAppointments')}
            </button>
          </form>
          {refused.length > 0 && (
            <div role="alert" className="form-error cal-problems">
              <strong>{t('SeriesActions.nothingChangedTheseDatesDo')}</strong>
              <ul>
                {refused.map((r) => (
                  <li key={r.index}>
                    {showDate(r.date)} {clock.hhmm(r.time)}: {r.problems.map((p) => p.message).join(' ')}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <FormMessage error={errors.errors.form} success={done} />
        </>
      )}
    </section>
  );
}
