import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSchedulingSetup } from '../../stores/scheduling-setup';

/** Locations with their rooms; add either. */
export function LocationsSection() {
  const locations = useSchedulingSetup((state) => state.locations);
  const rooms = useSchedulingSetup((state) => state.rooms);

  return (
    <>
      <p className="hint">Where the clinic sees patients, and the rooms at each. Appointments and weekly hours name a location; a booking may name a room.</p>
      {locations.length === 0 ? (
        <p>No locations yet: add the first one below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Locations and their rooms</caption>
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col">Address</th>
              <th scope="col">Rooms</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => {
              const here = rooms.filter((room) => room.locationId === location.id);
              return (
                <tr key={location.id}>
                  <th scope="row">{location.name}</th>
                  <td>{location.address ?? <span className="muted">—</span>}</td>
                  <td>{here.length > 0 ? here.map((room) => room.name).join(', ') : <span className="muted">No rooms</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="setup-forms">
        <AddLocationForm />
        <AddRoomForm />
      </div>
    </>
  );
}

function AddLocationForm() {
  const reload = useSchedulingSetup((state) => state.reload);
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ name: '', address: '' });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    setBusy(true);
    const result = await call('schedule.createLocation', { name: draft.name, address: draft.address });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['name', 'address']);
    setDone(`Added ${result.value.name}.`);
    setDraft({ name: '', address: '' });
    await reload();
  }

  return (
    <form className="card" aria-labelledby="setup-location-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="setup-location-heading">Add location</h2>
      <Field label="Location name" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} error={errors.errors.fields.name} maxLength={120} />
      <Field label="Address" value={draft.address} onChange={(event) => setDraft({ ...draft, address: event.target.value })} error={errors.errors.fields.address} maxLength={300} hint="Optional." />
      <FormMessage error={errors.errors.form} success={done} />
      <button type="submit" className="primary" disabled={busy}>
        Add location
      </button>
    </form>
  );
}

function AddRoomForm() {
  const locations = useSchedulingSetup((state) => state.locations);
  const reload = useSchedulingSetup((state) => state.reload);
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ locationId: '', name: '' });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locationId = draft.locationId || locations[0]?.id || '';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    setBusy(true);
    const result = await call('schedule.createRoom', { locationId, name: draft.name });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['locationId', 'name']);
    const where = locations.find((location) => location.id === result.value.locationId)?.name ?? 'the location';
    setDone(`Added ${result.value.name} at ${where}.`);
    setDraft({ ...draft, name: '' });
    await reload();
  }

  return (
    <form className="card" aria-labelledby="setup-room-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="setup-room-heading">Add room</h2>
      <SelectField
        label="Location"
        value={locationId}
        options={locations.map((location) => ({ value: location.id, label: location.name }))}
        onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
        error={errors.errors.fields.locationId}
        disabled={locations.length === 0}
      />
      <Field label="Room name" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} error={errors.errors.fields.name} maxLength={80} />
      <FormMessage error={errors.errors.form} success={done} />
      <button type="submit" className="primary" disabled={busy || locations.length === 0}>
        Add room
      </button>
      {locations.length === 0 && <p className="hint">Add a location first.</p>}
    </form>
  );
}
