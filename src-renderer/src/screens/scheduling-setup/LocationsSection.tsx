import { useState, type SyntheticEvent } from 'react';
import type { LocationSummary, RoomSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useSchedulingSetup } from '../../stores/scheduling-setup';
import { FormFooter } from './FormFooter';
import { useSetupSave } from './useSetupSave';
import { EditableRow, useEditableRows } from './EditableRow';

/** Locations with their rooms; add, edit or remove either. */
export function LocationsSection() {
  const locations = useSchedulingSetup((state) => state.locations);
  const rooms = useSchedulingSetup((state) => state.rooms);
  const reload = useSchedulingSetup((state) => state.reload);
  const editableLocations = useEditableRows(reload);
  const editableRooms = useEditableRows(reload);
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? '';

  return (
    <>
      <p className="hint">
        Where the clinic sees patients, and the rooms at each. Appointments and weekly hours name a location; a booking
        may name a room.
      </p>
      <FormMessage success={editableLocations.status} />
      {locations.length === 0 ? (
        <p>No locations yet: add the first one below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Locations</caption>
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col">Address</th>
              <th scope="col">Rooms</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => {
              const here = rooms.filter((room) => room.locationId === location.id);
              return (
                <EditableRow
                  key={location.id}
                  what={location.name}
                  cells={
                    <>
                      <th scope="row">{location.name}</th>
                      <td>{location.address ?? <span className="muted">—</span>}</td>
                      <td>
                        {here.length > 0 ? (
                          here.map((room) => room.name).join(', ')
                        ) : (
                          <span className="muted">No rooms</span>
                        )}
                      </td>
                    </>
                  }
                  columns={4}
                  {...editableLocations.row(location.id)}
                  remove={() => call('schedule.removeLocation', { locationId: location.id })}
                  form={<LocationForm location={location} {...editableLocations.form} />}
                />
              );
            })}
          </tbody>
        </table>
      )}
      <FormMessage success={editableRooms.status} />
      {rooms.length > 0 && (
        <>
          <h2 className="setup-subheading">Rooms</h2>
          <table>
            <caption className="visually-hidden">Rooms</caption>
            <thead>
              <tr>
                <th scope="col">Room</th>
                <th scope="col">Location</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((room) => (
                <EditableRow
                  key={room.id}
                  what={`${room.name} at ${locationName(room.locationId)}`}
                  cells={
                    <>
                      <th scope="row">{room.name}</th>
                      <td>{locationName(room.locationId)}</td>
                    </>
                  }
                  columns={3}
                  {...editableRooms.row(room.id)}
                  remove={() => call('schedule.removeRoom', { roomId: room.id })}
                  form={<RoomForm room={room} {...editableRooms.form} />}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="setup-forms">
        <LocationForm />
        <RoomForm />
      </div>
    </>
  );
}

/** Add a location (no `location`) or change one's name and address. */
function LocationForm({
  location,
  onSaved,
  onCancel,
}: {
  location?: LocationSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const blank = { name: '', address: '' };
  const [draft, setDraft] = useState(() =>
    location ? { name: location.name, address: location.address ?? '' } : blank,
  );
  const { errors, done, busy, save } = useSetupSave(location !== undefined, onSaved, draft);

  const headingId = location ? `setup-location-${location.id}` : 'setup-location-heading';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const fields = { name: draft.name, address: draft.address };
    await save(
      () =>
        location
          ? call('schedule.updateLocation', { locationId: location.id, ...fields })
          : call('schedule.createLocation', fields),
      ['name', 'address'],
      (saved) => saved.name,
      () => setDraft(blank),
    );
  }

  return (
    <form
      className={location ? 'subrow-form' : 'card'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {location ? <h3 id={headingId}>Edit {location.name}</h3> : <h2 id={headingId}>Add location</h2>}
      <Field
        label="Location name"
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={120}
      />
      <Field
        label="Address"
        value={draft.address}
        onChange={(event) => setDraft({ ...draft, address: event.target.value })}
        error={errors.errors.fields.address}
        maxLength={300}
        hint="Optional."
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={location ? 'Save location' : 'Add location'}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Add a room to a location (no `room`) or rename one (a room stays at its location). */
function RoomForm({
  room,
  onSaved,
  onCancel,
}: {
  room?: RoomSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const locations = useSchedulingSetup((state) => state.locations);
  const [draft, setDraft] = useState({ locationId: '', name: room?.name ?? '' });
  const { errors, done, busy, save } = useSetupSave(room !== undefined, onSaved, draft);

  const locationId = room?.locationId ?? (draft.locationId || locations[0]?.id || '');
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? 'the location';
  const headingId = room ? `setup-room-${room.id}` : 'setup-room-heading';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    await save(
      () =>
        room
          ? call('schedule.updateRoom', { roomId: room.id, name: draft.name })
          : call('schedule.createRoom', { locationId, name: draft.name }),
      ['locationId', 'name'],
      (saved) => `${saved.name} at ${locationName(saved.locationId)}`,
      () => setDraft({ ...draft, name: '' }),
    );
  }

  return (
    <form
      className={room ? 'subrow-form' : 'card'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {room ? (
        <h3 id={headingId}>
          Edit {room.name} at {locationName(room.locationId)}
        </h3>
      ) : (
        <h2 id={headingId}>Add room</h2>
      )}
      {!room && (
        <SelectField
          label="Location"
          value={locationId}
          options={locations.map((location) => ({ value: location.id, label: location.name }))}
          onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
          error={errors.errors.fields.locationId}
          disabled={locations.length === 0}
        />
      )}
      <Field
        label="Room name"
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={80}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={room ? 'Save room' : 'Add room'}
        busy={busy || locations.length === 0}
        onCancel={onCancel}
      />
      {locations.length === 0 && <p className="hint">Add a location first.</p>}
    </form>
  );
}
