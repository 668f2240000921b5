import { useState, type SyntheticEvent } from 'react';
import type { AppointmentView, BookingProblem, ProviderSummary } from '../../../../src-shared/scheduling/model';
import { formatClockTime, formatHhMm, parseClockTime } from '../../../../src-shared/locale/time-format';
import { isLocalDate } from '../../../../src-shared/scheduling/time';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { moveAppointment, moveInput } from './move';
import { useTranslation } from '../../i18n';

const SHOWN = ['start.date', 'start.time', 'providerId', 'durationMinutes', 'override.reason'];

interface MoveFormProps {
  appointment: AppointmentView;
  /** Every provider, to move it to another. */
  providers: ProviderSummary[];
  onMoved: (view: AppointmentView) => void;
}

/**
 * The keyboard way to do what dragging does: a new date, start, provider and length. Main checks
 * the same rules as for a booking and its refusal reasons are listed by the button.
 */
export function MoveForm({ appointment, providers, onMoved }: MoveFormProps) {
  const { t } = useTranslation('calendar');
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(appointment.date);
  const timeFormat = useClinicSettings((state) => state.settings?.timeFormat) ?? '24h';
  // Typed and shown in the clinic's time format, as the grid shows times (not the browser's locale).
  const [time, setTime] = useState(() => formatHhMm(appointment.startTime, timeFormat));
  const [providerId, setProviderId] = useState(appointment.providerId);
  const [length, setLength] = useState(String(appointment.durationMinutes));
  const [problems, setProblems] = useState<BookingProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const minute = parseClockTime(time);
  const durationMinutes = Number(length);
  const timeRead = minute !== null && minute < 24 * 60;
  const lengthRead = Number.isInteger(durationMinutes) && durationMinutes >= 5 && durationMinutes <= 720;
  /**
   * What is wrong as typed: the date, time and length as the desk reads them, then main's rules for the
   * move (what the desk could not read stays as it was, so it is not refused twice). The reason to move
   * anyway counts once it is asked for and typed.
   */
  const typedProblems = (anyway = problems.length > 0 && overrideReason.trim() !== ''): Record<string, string> => ({
    ...draftProblems(
      'appointments.move',
      moveInput(
        appointment,
        {
          providerId,
          date: isLocalDate(date) ? date : appointment.date,
          minute: timeRead ? minute : (parseClockTime(appointment.startTime) ?? 0),
          durationMinutes: lengthRead ? durationMinutes : appointment.durationMinutes,
        },
        anyway ? overrideReason : undefined,
      ),
    ),
    ...(!isLocalDate(date) && { 'start.date': t('MoveForm.mustBeARealDate') }),
    ...(!timeRead && {
      'start.time': t('MoveForm.mustBeATimeSuch', { example: formatClockTime(9 * 60 + 30, timeFormat) }),
    }),
    ...(!lengthRead && { durationMinutes: t('MoveForm.mustBe5To720') }),
  });
  const errors = useFormErrors(
    {
      'start.date': date,
      'start.time': time,
      providerId,
      durationMinutes: length,
      'override.reason': overrideReason,
    },
    () => typedProblems(),
  );

  if (!open) {
    return (
      <div className="cal-move-open">
        <button type="button" onClick={() => setOpen(true)}>
          {t('MoveForm.move')}
        </button>
      </div>
    );
  }

  async function submit(event: SyntheticEvent, anyway = false) {
    event.preventDefault();
    errors.clear();
    if (anyway && overrideReason.trim() === '') return errors.setField('override.reason', t('MoveForm.sayWhyItMustBe'));
    const local = typedProblems(anyway);
    if (!anyway) setProblems([]);
    if (Object.keys(local).length > 0 || minute === null) return errors.showProblems(local, SHOWN);
    setBusy(true);
    const outcome = await moveAppointment(
      appointment,
      { providerId, date, minute, durationMinutes },
      anyway ? overrideReason : undefined,
    );
    setBusy(false);
    if (outcome.ok) return onMoved(outcome.view);
    if (outcome.problems.length > 0) return setProblems(outcome.problems);
    errors.show(outcome.error, SHOWN);
  }

  return (
    <form
      aria-label={t('MoveForm.moveAppointment')}
      noValidate
      className="cal-move"
      onSubmit={(event) => void submit(event)}
    >
      <h3>{t('MoveForm.move2')}</h3>
      <div className="cal-move-row">
        <DateField
          label={t('MoveForm.newDate')}
          value={date}
          onChange={(value) => setDate(value)}
          error={errors.errors.fields['start.date']}
        />
        <Field
          label={t('MoveForm.newStart')}
          inputMode="text"
          autoComplete="off"
          maxLength={20}
          value={time}
          onChange={(event) => setTime(event.target.value)}
          error={errors.errors.fields['start.time']}
        />
      </div>
      <div className="cal-move-stack">
        <SelectField
          label={t('MoveForm.provider')}
          value={providerId}
          options={providers.map((provider) => ({ value: provider.id, label: provider.displayName }))}
          onChange={(event) => setProviderId(event.target.value)}
          error={errors.errors.fields.providerId}
        />
        <Field
          label={t('MoveForm.lengthMinutes')}
          type="number"
          min={5}
          max={720}
          step={5}
          value={length}
          onChange={(event) => setLength(event.target.value)}
          error={errors.errors.fields.durationMinutes}
        />
      </div>
      <div className="cal-submit">
        <div className="cal-move-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('MoveForm.moveAppointment')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('MoveForm.keepAsItIs')}
          </button>
        </div>
        {problems.length > 0 && (
          <div role="alert" className="form-error cal-problems">
            <strong>{t('MoveForm.notMoved')}</strong>
            <ul>
              {problems.map((problem) => (
                <li key={problem.code + problem.message}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )}
        {problems.length > 0 && (
          <div className="cal-override">
            <Field
              label={t('MoveForm.reasonToMoveAnyway')}
              hint={t('MoveForm.keptWithTheAppointmentAnd')}
              value={overrideReason}
              maxLength={500}
              onChange={(event) => setOverrideReason(event.target.value)}
              error={errors.errors.fields['override.reason']}
            />
            <button
              type="button"
              className="danger-outline"
              disabled={busy}
              onClick={(event) => void submit(event, true)}
            >
              {t('MoveForm.moveAnyway')}
            </button>
          </div>
        )}
        <FormMessage error={errors.errors.form} />
      </div>
    </form>
  );
}
