import { useState, type SyntheticEvent } from 'react';
import type { StockLocation, StockLocationKind } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';

export const PLACE_KINDS: { value: StockLocationKind; label: string }[] = [
  { value: 'store', label: 'Stock room' },
  { value: 'nurse_station', label: 'Nurse station' },
  { value: 'fridge', label: 'Fridge' },
  { value: 'other', label: 'Other' },
];

/** Where stock is kept, inside one of the clinic's locations: add one, or rename, move or retire it. */
export function PlacesSection({ places }: { places: readonly StockLocation[] }) {
  const locations = useProcedure('schedule.listLocations', {});
  const [editing, setEditing] = useState<StockLocation | null>(null);
  return (
    <section aria-labelledby="places-title" className="card report-card">
      <h2 id="places-title">Places</h2>
      <table aria-label="Places">
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Kind</th>
            <th scope="col">Location</th>
            <th scope="col">In use</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {places.length === 0 && (
            <tr>
              <td colSpan={5}>No places yet: add the stock room first.</td>
            </tr>
          )}
          {places.map((place) => (
            <tr key={place.id}>
              <td>{place.name}</td>
              <td>{PLACE_KINDS.find((kind) => kind.value === place.kind)?.label}</td>
              <td>{place.locationName}</td>
              <td>{place.active ? 'Yes' : 'No'}</td>
              <td>
                <button type="button" onClick={() => setEditing(place)}>
                  Edit {place.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlaceForm
        key={editing?.id ?? 'new'}
        editing={editing}
        locations={locations.value ?? []}
        onDone={() => setEditing(null)}
      />
    </section>
  );
}

function PlaceForm({
  editing,
  locations,
  onDone,
}: {
  editing: StockLocation | null;
  locations: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<StockLocationKind>(editing?.kind ?? 'store');
  const [location, setLocation] = useState(editing?.locationId ?? '');
  const locationId = location || (locations[0]?.id ?? '');
  const [active, setActive] = useState(editing?.active ?? true);
  const [done, setDone] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors({ name, kind, locationId });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const result = await call('stockroom.saveLocation', { id: editing?.id, name, kind, locationId, active });
    if (!result.ok) return show(result.error, ['name', 'kind', 'locationId']);
    setDone(`Saved ${result.value.name}.`);
    if (!editing) setName('');
    else onDone();
  }

  return (
    <form aria-label={editing ? `Edit ${editing.name}` : 'Add a place'} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{editing ? `Edit ${editing.name}` : 'Add a place'}</h3>
      <div className="setup-row">
        <Field label="Place name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as StockLocationKind)}
          options={PLACE_KINDS}
        />
        <SelectField
          label="In location"
          value={locationId}
          onChange={(e) => setLocation(e.target.value)}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
          error={errors.fields.locationId}
        />
      </div>
      {editing && (
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> In use
        </label>
      )}
      <button type="submit">{editing ? 'Save place' : 'Add place'}</button>
      {editing && (
        <button type="button" onClick={onDone}>
          Stop editing
        </button>
      )}
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
