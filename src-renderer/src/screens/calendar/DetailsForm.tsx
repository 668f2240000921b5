import { useState, type SyntheticEvent } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field, TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** Edit details: the reason, notes and meeting link of a booked appointment (a move changes the rest). */
export function DetailsForm({
  appointment,
  onSaved,
}: {
  appointment: AppointmentView;
  onSaved: (view: AppointmentView) => void;
}) {
  const { t } = useTranslation('calendar');
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({
    reason: appointment.reason ?? '',
    notes: appointment.notes ?? '',
    meetingLink: appointment.meetingLink ?? '',
  });
  const [busy, setBusy] = useState(false);
  const input = { appointmentId: appointment.id, ...draft, expectedUpdatedAt: appointment.updatedAt };
  const errors = useFormErrors(draft, () => draftProblems('appointments.updateDetails', input));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = draftProblems('appointments.updateDetails', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['reason', 'notes', 'meetingLink']);
    setBusy(true);
    const result = await call('appointments.updateDetails', input);
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['reason', 'notes', 'meetingLink']);
    setOpen(false);
    onSaved(result.value);
  }

  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('DetailsForm.editDetails')}
        </button>
      </p>
    );
  }
  return (
    <form
      aria-label={t('DetailsForm.editDetails')}
      noValidate
      onSubmit={(event) => void submit(event)}
      className="cal-details-form"
    >
      <Field
        label={t('DetailsForm.reasonForTheVisit')}
        value={draft.reason}
        maxLength={500}
        onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
        error={errors.errors.fields.reason}
      />
      <TextAreaField
        label={t('DetailsForm.notes')}
        rows={3}
        value={draft.notes}
        maxLength={4000}
        onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
        error={errors.errors.fields.notes}
      />
      <Field
        label={t('DetailsForm.meetingLink')}
        type="url"
        placeholder="https://"
        value={draft.meetingLink}
        onChange={(event) => setDraft({ ...draft, meetingLink: event.target.value })}
        error={errors.errors.fields.meetingLink}
      />
      <FormMessage error={errors.errors.form} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('DetailsForm.saveDetails')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('DetailsForm.cancel')}
        </button>
      </div>
    </form>
  );
}
