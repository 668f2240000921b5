import { useState, type SyntheticEvent } from 'react';
import type { LocationSummary, RoomSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useSetupLists } from './setup-lists';
import { FormFooter } from './FormFooter';
import { draftProblems } from '../../hooks/useFormErrors';
import { useSetupSave } from './useSetupSave';
import { EditableRow, useEditableRows } from './EditableRow';
import { useTranslation } from '../../i18n';

/** Locations with their rooms; add, edit or remove either. */
export function LocationsSection() {
  const { t } = useTranslation('scheduling-setup');
  const locations = useSetupLists((state) => state.locations);
  const rooms = useSetupLists((state) => state.rooms);
  const reload = useSetupLists((state) => state.reload);
  const editableLocations = useEditableRows(reload);
  const editableRooms = useEditableRows(reload);
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? '';

  return (
    <>
      <p className="hint">{t('LocationsSection.whereTheClinicSeesPatients')}</p>
      <FormMessage success={editableLocations.status} />
      {locations.length === 0 ? (
        <p>{t('LocationsSection.noLocationsYetAddThe')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('LocationsSection.locations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('LocationsSection.location')}</th>
              <th scope="col">{t('LocationsSection.address')}</th>
              <th scope="col">{t('LocationsSection.rooms')}</th>
              <th scope="col">{t('LocationsSection.actions')}</th>
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
                          <span className="muted">{t('LocationsSection.noRooms')}</span>
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
          <h2 className="setup-subheading">{t('LocationsSection.rooms')}</h2>
          <table>
            <caption className="visually-hidden">{t('LocationsSection.rooms')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('LocationsSection.room')}</th>
                <th scope="col">{t('LocationsSection.location')}</th>
                <th scope="col">{t('LocationsSection.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((room) => (
                <EditableRow
                  key={room.id}
                  what={t('LocationsSection.roomAtLocation', {
                    name: room.name,
                    location: locationName(room.locationId),
                  })}
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
  const { t } = useTranslation('scheduling-setup');
  const blank = { name: '', address: '' };
  const [draft, setDraft] = useState(() =>
    location ? { name: location.name, address: location.address ?? '' } : blank,
  );
  const fields = { name: draft.name, address: draft.address };
  const { errors, done, busy, save } = useSetupSave(location !== undefined, onSaved, draft, () =>
    location
      ? draftProblems('schedule.updateLocation', { locationId: location.id, ...fields })
      : draftProblems('schedule.createLocation', fields),
  );

  const headingId = location ? `setup-location-${location.id}` : 'setup-location-heading';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
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
      {location ? (
        <h3 id={headingId}>{t('LocationsSection.edit', { locationName: location.name })}</h3>
      ) : (
        <h2 id={headingId}>{t('LocationsSection.addLocation')}</h2>
      )}
      <Field
        label={t('LocationsSection.locationName')}
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={120}
      />
      <Field
        label={t('LocationsSection.address')}
        value={draft.address}
        onChange={(event) => setDraft({ ...draft, address: event.target.value })}
        error={errors.errors.fields.address}
        maxLength={300}
        hint={t('LocationsSection.optional')}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={location ? t('LocationsSection.saveLocation') : t('LocationsSection.addLocation')}
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
  const { t } = useTranslation('scheduling-setup');
  const locations = useSetupLists((state) => state.locations);
  const [draft, setDraft] = useState({ locationId: '', name: room?.name ?? '' });
  const locationId = room?.locationId ?? (draft.locationId || locations[0]?.id || '');
  const { errors, done, busy, save } = useSetupSave(room !== undefined, onSaved, { ...draft, locationId }, () =>
    room
      ? draftProblems('schedule.updateRoom', { roomId: room.id, name: draft.name })
      : draftProblems('schedule.createRoom', { locationId, name: draft.name }),
  );

  const locationName = (id: string) =>
    locations.find((location) => location.id === id)?.name ?? t('LocationsSection.theLocation');
  const headingId = room ? `setup-room-${room.id}` : 'setup-room-heading';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    await save(
      () =>
        room
          ? call('schedule.updateRoom', { roomId: room.id, name: draft.name })
          : call('schedule.createRoom', { locationId, name: draft.name }),
      ['locationId', 'name'],
      (saved) => t('LocationsSection.roomAtLocation', { name: saved.name, location: locationName(saved.locationId) }),
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
          {t('LocationsSection.editAt', { roomName: room.name, locationId: locationName(room.locationId) })}
        </h3>
      ) : (
        <h2 id={headingId}>{t('LocationsSection.addRoom')}</h2>
      )}
      {!room && (
        <SelectField
          label={t('LocationsSection.location')}
          value={locationId}
          options={locations.map((location) => ({ value: location.id, label: location.name }))}
          onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
          error={errors.errors.fields.locationId}
          disabled={locations.length === 0}
        />
      )}
      <Field
        label={t('LocationsSection.roomName')}
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={80}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={room ? t('LocationsSection.saveRoom') : t('LocationsSection.addRoom')}
        busy={busy || locations.length === 0}
        onCancel={onCancel}
      />
      {locations.length === 0 && <p className="hint">{t('LocationsSection.addALocationFirst')}</p>}
    </form>
  );
}
