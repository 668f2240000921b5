import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSchedulingSetup } from '../../stores/scheduling-setup';
import { dayLabel } from './format';

/** Days the clinic (or one location) is closed, from today on; add one. */
export function HolidaysSection() {
  const holidays = useSchedulingSetup((state) => state.holidays);
  const locations = useSchedulingSetup((state) => state.locations);
  const clock = useClinicClock();

  return (
    <>
      <p className="hint">On a holiday no one is bookable from their weekly hours; extra hours added for that date still apply.</p>
      {holidays.length === 0 ? (
        <p>No clinic holidays coming up.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Upcoming clinic holidays</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">Location</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => (
              <tr key={holiday.id}>
                <td className="nowrap">{dayLabel(holiday.date, clock)}</td>
                <th scope="row">{holiday.name}</th>
                <td>{holiday.locationId ? (locations.find((location) => location.id === holiday.locationId)?.name ?? '') : 'All locations'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <HolidayForm />
    </>
  );
}

function HolidayForm() {
  const locations = useSchedulingSetup((state) => state.locations);
  const reload = useSchedulingSetup((state) => state.reload);
  const clock = useClinicClock();
  const errors = useFormErrors();
  const blank = { date: '', name: '', locationId: '' };
  const [draft, setDraft] = useState(blank);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    setBusy(true);
    const result = await call('schedule.createHoliday', { date: draft.date, name: draft.name, locationId: draft.locationId || null });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['date', 'name', 'locationId']);
    setDone(`Added ${result.value.name} on ${dayLabel(result.value.date, clock)}.`);
    setDraft(blank);
    await reload();
  }

  return (
    <form className="card wide" aria-labelledby="setup-holiday-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="setup-holiday-heading">Add clinic holiday</h2>
      <div className="row">
        <Field label="Date" type="date" value={draft.date} onChange={(event) => setDraft({ ...draft, date: event.target.value })} error={errors.errors.fields.date} />
        <Field label="Holiday name" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} error={errors.errors.fields.name} maxLength={120} />
      </div>
      <SelectField
        label="Location"
        value={draft.locationId}
        options={[{ value: '', label: 'All locations' }, ...locations.map((location) => ({ value: location.id, label: location.name }))]}
        onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
        error={errors.errors.fields.locationId}
      />
      <FormMessage error={errors.errors.form} success={done} />
      <button type="submit" className="primary" disabled={busy}>
        Add holiday
      </button>
    </form>
  );
}
