import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { AppointmentView, ProviderSummary, RoomSummary } from '../../../../src-shared/scheduling/model';
import { CANCELLABLE_STATUSES, MOVABLE_STATUSES } from '../../../../src-shared/scheduling/status';
import { call, openMeetingLink } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useWaitlistOffers } from '../../stores/waitlist-offers';
import { findHref } from '../find/route';
import { ConflictBanner } from '../conflicts/ConflictBanner';
import { AppointmentHistory } from './AppointmentHistory';
import { DetailsForm } from './DetailsForm';
import { ReplacedAppointment } from './ReplacedAppointment';
import { SeriesActions } from './SeriesActions';
import { useSession } from '../../stores/session';
import { dateLabel as longDate } from './format';
import { MoveForm } from './MoveForm';
import { calendarHref, weekOf } from './route';
import { StatusActions } from './StatusActions';
import { DeskWorkActions } from '../tasks/DeskWorkActions';
import { useClockTime } from '../../format/clock-time';
import { useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';

interface AppointmentPanelProps {
  appointment: AppointmentView;
  provider: ProviderSummary | undefined;
  /** Every provider, for Move…'s chooser. */
  providers: ProviderSummary[];
  /** Every room, to name the appointment's. */
  rooms: RoomSummary[];
  dateLabel: string;
  canWrite: boolean;
  /** A line to show on opening (e.g. right after booking). */
  notice: string | null;
  onCancelled: (view: AppointmentView) => void;
  /** Moved, resized or its status changed here. */
  onChanged: (view: AppointmentView, message: string) => void;
  onClose: () => void;
}

/** An appointment's facts and, while it may still be cancelled, "Cancel appointment" with a reason. */
export function AppointmentPanel({
  appointment,
  provider,
  providers,
  rooms,
  dateLabel,
  canWrite,
  notice,
  onCancelled,
  onChanged,
  onClose,
}: AppointmentPanelProps) {
  const { t } = useTranslation('calendar');
  const canSetStatus = useSession((state) => state.can('visits:write'));
  const clock = useClockTime();
  const room = rooms.find((candidate) => candidate.id === appointment.roomId);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const input = { appointmentId: appointment.id, reason, expectedUpdatedAt: appointment.updatedAt };
  /** What is wrong as typed: a blank reason in the desk's words, then main's rules (a reason too long). */
  const problems = (): Record<string, string> => ({
    ...draftProblems('appointments.cancel', input),
    ...(reason.trim() === '' && { reason: t('AppointmentPanel.sayWhyItIsCancelled') }),
  });
  const errors = useFormErrors({ reason }, problems);
  const cancellable = canWrite && CANCELLABLE_STATUSES.includes(appointment.status);
  // What was just done here ("Moved … to …") is said at the panel's top, while the form that did it sits
  // lower down: the panel scrolls back up to it, or the confirmation is above what a person sees.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice, appointment.updatedAt]);

  async function cancel(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['reason']);
    setBusy(true);
    const result = await call('appointments.cancel', input);
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['reason']);
    useWaitlistOffers.getState().show(appointment);
    onCancelled(result.value);
  }

  return (
    <section className="cal-panel" aria-label={t('AppointmentPanel.appointment')}>
      <div className="cal-panel-head">
        <h2>{t('AppointmentPanel.appointment')}</h2>
        <button
          type="button"
          className="link-button"
          onClick={onClose}
          aria-label={t('AppointmentPanel.closeAppointmentPanel')}
        >
          ✕
        </button>
      </div>
      {notice && (
        <p role="status" className="form-success" ref={noticeRef}>
          {notice}
        </p>
      )}
      <ConflictBanner appointmentId={appointment.id} />
      <dl className="cal-facts">
        <div>
          <dt>{t('AppointmentPanel.patient')}</dt>
          <dd>
            <a href={`#/patients/${appointment.patientId}`}>{appointment.patientName}</a>{' '}
            <span className="muted">{t('AppointmentPanel.mrn', { patientMrn: appointment.patientMrn })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('AppointmentPanel.type')}</dt>
          <dd>
            <span className="cal-dot" style={{ background: appointment.colour }} aria-hidden="true" />{' '}
            {appointment.typeName}
          </dd>
        </div>
        <div>
          <dt>{t('AppointmentPanel.when')}</dt>
          <dd>
            {dateLabel}, {clock.span(appointment.startTime, appointment.endTime)}
          </dd>
        </div>
        <div>
          <dt>{t('AppointmentPanel.provider')}</dt>
          <dd>{provider?.displayName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('AppointmentPanel.status')}</dt>
          <dd>
            <span className={`cal-status status-${appointment.status}`}>
              {appointmentStatusLabel(appointment.status)}
            </span>
          </dd>
        </div>
        {appointment.roomId && (
          <div>
            <dt>{t('AppointmentPanel.room')}</dt>
            <dd>
              {room ? (
                <a
                  href={calendarHref({ kind: 'room', roomId: room.id, date: weekOf(appointment.date) })}
                  aria-label={t('AppointmentPanel.itsWeek', { roomName: room.name })}
                >
                  {room.name}
                </a>
              ) : (
                t('AppointmentPanel.aRoomSinceRemoved')
              )}
            </dd>
          </div>
        )}
        {appointment.rescheduledFromId && (
          <div>
            <dt>{t('AppointmentPanel.replaces')}</dt>
            <dd>
              <ReplacedAppointment appointmentId={appointment.rescheduledFromId} />
            </dd>
          </div>
        )}
        {appointment.reason && (
          <div>
            <dt>{t('AppointmentPanel.reason')}</dt>
            <dd>{appointment.reason}</dd>
          </div>
        )}
        {appointment.notes && (
          <div>
            <dt>{t('AppointmentPanel.notes')}</dt>
            <dd className="pre-line">{appointment.notes}</dd>
          </div>
        )}
        {appointment.meetingLink && (
          <div>
            <dt>{t('AppointmentPanel.meetingLink')}</dt>
            <dd>
              <a
                href={appointment.meetingLink}
                target="_blank"
                rel="noreferrer"
                onClick={(event) => {
                  // Main opens the link it stored for this appointment; the page never hands it a URL.
                  event.preventDefault();
                  void openMeetingLink(appointment.id).then((result) => {
                    if (!result.ok) errors.show(result.error);
                  });
                }}
              >
                {appointment.meetingLink}
              </a>
            </dd>
          </div>
        )}
        {appointment.overrideReason && (
          <div>
            <dt>{t('AppointmentPanel.override')}</dt>
            <dd>{appointment.overrideReason}</dd>
          </div>
        )}
      </dl>
      {canWrite && appointment.status === 'no_show' && (
        <p>
          <a className="button" href={findHref(appointment.patientId, appointment.providerId, appointment.id)}>
            {t('AppointmentPanel.bookAgain')}
          </a>
        </p>
      )}
      <SeriesActions appointment={appointment} canWrite={cancellable} onCancelled={onCancelled} />
      {canSetStatus && <StatusActions appointment={appointment} onChanged={onChanged} />}
      <DeskWorkActions
        // A fresh pair of forms for each appointment the panel shows.
        key={`desk-work-${appointment.id}`}
        subject={{
          patientId: appointment.patientId,
          appointmentId: appointment.id,
          label: `${appointment.patientName}, ${dateLabel}, ${clock.span(appointment.startTime, appointment.endTime)}`,
        }}
      />
      {canWrite && appointment.status !== 'cancelled' && (
        <DetailsForm
          // A fresh form for each version of the appointment; keys unique among the panel's children
          // (two equal keys made React keep stale copies: "Edit details" multiplied on each change).
          key={`details-${appointment.updatedAt}`}
          appointment={appointment}
          onSaved={(view) =>
            onChanged(view, t('AppointmentPanel.savedTheDetailsOfS', { patientName: view.patientName }))
          }
        />
      )}
      {canWrite && MOVABLE_STATUSES.includes(appointment.status) && (
        <MoveForm
          key={`move-${appointment.updatedAt}`}
          appointment={appointment}
          providers={providers}
          onMoved={(view) =>
            onChanged(
              view,
              t('AppointmentPanel.movedTo', {
                patientName: view.patientName,
                viewDate: longDate(view.date),
                startTime: clock.span(view.startTime, view.endTime),
              }),
            )
          }
        />
      )}
      <AppointmentHistory appointmentId={appointment.id} updatedAt={appointment.updatedAt} />
      {cancellable && (
        <form
          aria-label={t('AppointmentPanel.cancelAppointment')}
          noValidate
          onSubmit={(event) => void cancel(event)}
          className="cal-cancel"
        >
          <Field
            label={t('AppointmentPanel.reasonForCancelling')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errors.errors.fields.reason}
            maxLength={500}
          />
          <FormMessage error={errors.errors.form} />
          <button type="submit" className="danger" disabled={busy}>
            {t('AppointmentPanel.cancelAppointment')}
          </button>
        </form>
      )}
    </section>
  );
}
