import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import type {
  AppointmentTypeSummary,
  AppointmentView,
  BookingProblem,
  ProviderSummary,
  RoomSummary,
} from '../../../../src-shared/scheduling/model';
import { formatLocalTime } from '../../../../src-shared/scheduling/time';
import { call } from '../../api';
import { Field, TextAreaField } from '../../components/Field';
import { PatientPicker } from '../../components/PatientPicker';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { problemsOf } from './move';
import { RepeatFields, useRepeat } from './RepeatFields';
import { useClockTime } from '../../format/clock-time';
import { useTranslation } from '../../i18n';

interface BookingPanelProps {
  provider: ProviderSummary;
  date: string;
  dateLabel: string;
  minute: number;
  types: readonly AppointmentTypeSummary[];
  /** The clinic's rooms; those of the provider's default location are offered first. */
  rooms: readonly RoomSummary[];
  onBooked: (view: AppointmentView) => void;
  onClose: () => void;
}

/** The fields this panel shows, so main's complaint about one sits beside it. */
const BOOKING_FIELDS = ['patientId', 'typeId', 'roomId', 'reason', 'notes', 'meetingLink'];

/** Book the chosen empty slot: find the patient inline, pick the type, book; refusals say why. */
export function BookingPanel({
  provider,
  date,
  dateLabel,
  minute,
  types,
  rooms,
  onBooked,
  onClose,
}: BookingPanelProps) {
  const { t } = useTranslation('calendar');
  const allowed = types.filter((type) => type.providerIds.length === 0 || type.providerIds.includes(provider.id));
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [typeId, setTypeId] = useState(allowed[0]?.id ?? '');
  const [details, setDetails] = useState({ roomId: '', reason: '', notes: '', meetingLink: '' });
  const roomChoices = [...rooms].sort(
    (a, b) =>
      Number(b.locationId === provider.defaultLocationId) - Number(a.locationId === provider.defaultLocationId) ||
      a.name.localeCompare(b.name),
  );
  const [problems, setProblems] = useState<BookingProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const time = formatLocalTime(minute);
  const bookingFor = (patientId: string): Input<'appointments.book'> => ({
    patientId,
    providerId: provider.id,
    typeId,
    start: { date, time },
    roomId: details.roomId || null,
    reason: details.reason || null,
    notes: details.notes || null,
    meetingLink: details.meetingLink || null,
  });
  const errors = useFormErrors({ patientId: patient?.id ?? null, typeId, ...details }, () =>
    patient ? draftProblems('appointments.book', bookingFor(patient.id)) : {},
  );
  const search = useRef<HTMLInputElement>(null);
  const refusal = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLFormElement>(null);
  const clock = useClockTime();
  const repeat = useRepeat(onBooked);

  useEffect(() => {
    search.current?.focus();
  }, [provider.id, minute]);

  useEffect(() => {
    // The panel scrolls on its own (the page does not move): back to its top, where the refusal is.
    if (refusal.current) panel.current?.scrollTo({ top: 0 });
  }, [problems, errors.errors.form]);

  useEffect(() => {
    if (!allowed.some((type) => type.id === typeId) && allowed[0]) setTypeId(allowed[0].id);
  }, [allowed, typeId]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setProblems([]);
    if (!patient) return errors.setField('patientId', t('BookingPanel.chooseAPatient'));
    if (!typeId) return errors.setField('typeId', t('BookingPanel.chooseAnAppointmentType'));
    const booking = bookingFor(patient.id);
    if (repeat.on) return repeat.book(booking);
    setBusy(true);
    const result = await call('appointments.book', booking);
    setBusy(false);
    if (result.ok) return onBooked(result.value);
    const found = problemsOf(result.error.details);
    if (result.error.code === 'CONFLICT' && found.length > 0) return setProblems(found);
    errors.show(result.error, BOOKING_FIELDS);
  }

  const type = allowed.find((candidate) => candidate.id === typeId);
  return (
    <form
      ref={panel}
      className="cal-panel"
      aria-label={t('BookingPanel.bookAppointment')}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="cal-panel-head">
        <h2>{t('BookingPanel.bookAppointment')}</h2>
        <button
          type="button"
          className="link-button"
          onClick={onClose}
          aria-label={t('BookingPanel.closeBookingPanel')}
        >
          ✕
        </button>
      </div>
      {(problems.length > 0 || errors.errors.form) && (
        // At the top, scrolled into view and announced: the reason is where the person is looking, not under the fold.
        <div ref={refusal} role="alert" className="form-error cal-problems">
          {problems.length > 0 ? (
            <>
              <strong>{t('BookingPanel.notBooked')}</strong>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.code + problem.message}>{problem.message}</li>
                ))}
              </ul>
            </>
          ) : (
            errors.errors.form
          )}
        </div>
      )}
      <dl className="cal-facts">
        <div>
          <dt>{t('BookingPanel.provider')}</dt>
          <dd>{provider.displayName}</dd>
        </div>
        <div>
          <dt>{t('BookingPanel.start')}</dt>
          <dd>
            {dateLabel}, {clock.minutes(minute)}
            {type && ` (${type.durationMinutes} min)`}
          </dd>
        </div>
      </dl>
      <PatientPicker
        idPrefix="cal"
        inputRef={search}
        patient={patient}
        onChange={(chosen) => {
          setPatient(chosen);
          if (chosen) errors.clear();
        }}
        error={errors.errors.fields.patientId}
      />
      <SelectField
        label={t('BookingPanel.appointmentType')}
        value={typeId}
        options={allowed.map((candidate) => ({
          value: candidate.id,
          label: `${candidate.name} (${candidate.durationMinutes} min)`,
        }))}
        onChange={(event) => setTypeId(event.target.value)}
        error={errors.errors.fields.typeId}
      />
      {allowed.length === 0 && (
        <p className="hint">{t('BookingPanel.noAppointmentTypeMayBe', { displayName: provider.displayName })}</p>
      )}
      {rooms.length > 0 && (
        <SelectField
          label={t('BookingPanel.room')}
          value={details.roomId}
          options={[
            { value: '', label: t('BookingPanel.noRoom') },
            ...roomChoices.map((room) => ({ value: room.id, label: room.name })),
          ]}
          onChange={(event) => setDetails({ ...details, roomId: event.target.value })}
          error={errors.errors.fields.roomId}
        />
      )}
      <Field
        label={t('BookingPanel.reasonForTheVisit')}
        value={details.reason}
        maxLength={500}
        onChange={(event) => setDetails({ ...details, reason: event.target.value })}
        error={errors.errors.fields.reason}
      />
      <TextAreaField
        label={t('BookingPanel.notes')}
        rows={2}
        value={details.notes}
        maxLength={4000}
        onChange={(event) => setDetails({ ...details, notes: event.target.value })}
        error={errors.errors.fields.notes}
      />
      <Field
        label={t('BookingPanel.meetingLink')}
        type="url"
        value={details.meetingLink}
        placeholder="https://"
        hint={t('BookingPanel.forARemoteVisit')}
        onChange={(event) => setDetails({ ...details, meetingLink: event.target.value })}
        error={errors.errors.fields.meetingLink}
      />
      <RepeatFields repeat={repeat} />
      <div className="cal-submit">
        <button type="submit" className="primary" disabled={busy}>
          {t('BookingPanel.bookAppointment')}
        </button>
      </div>
    </form>
  );
}
