import { useState, type SyntheticEvent } from 'react';
import type { StockLocation, StockLocationKind } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { Trans, i18next, useTranslation } from '../../i18n';

export const PLACE_KINDS: { value: StockLocationKind; label: string }[] = [
  {
    value: 'store',
    get label() {
      return i18next.t('stock:PlacesSection.stockRoom');
    },
  },
  {
    value: 'nurse_station',
    get label() {
      return i18next.t('stock:PlacesSection.nurseStation');
    },
  },
  {
    value: 'fridge',
    get label() {
      return i18next.t('stock:PlacesSection.fridge');
    },
  },
  {
    value: 'other',
    get label() {
      return i18next.t('stock:PlacesSection.other');
    },
  },
];

/** Where stock is kept, inside one of the clinic's locations: add one, or rename, move or retire it. */
export function PlacesSection({ places }: { places: readonly StockLocation[] }) {
  const { t } = useTranslation('stock');
  const locations = useProcedure('schedule.listLocations', {});
  const [editing, setEditing] = useState<StockLocation | null>(null);
  return (
    <section aria-labelledby="places-title" className="card report-card">
      <h2 id="places-title">{t('PlacesSection.places')}</h2>
      <table aria-label={t('PlacesSection.places')}>
        <thead>
          <tr>
            <th scope="col">{t('PlacesSection.place')}</th>
            <th scope="col">{t('PlacesSection.kind')}</th>
            <th scope="col">{t('PlacesSection.location')}</th>
            <th scope="col">{t('PlacesSection.inUse')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('PlacesSection.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {places.length === 0 && (
            <tr>
              <td colSpan={5}>{t('PlacesSection.noPlacesYetAddThe')}</td>
            </tr>
          )}
          {places.map((place) => (
            <tr key={place.id}>
              <td>{place.name}</td>
              <td>{PLACE_KINDS.find((kind) => kind.value === place.kind)?.label}</td>
              <td>{place.locationName}</td>
              <td>{place.active ? t('PlacesSection.yes') : t('PlacesSection.no')}</td>
              <td>
                <button type="button" onClick={() => setEditing(place)}>
                  {t('PlacesSection.edit', { placeName: place.name })}
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
  const { t } = useTranslation('stock');
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<StockLocationKind>(editing?.kind ?? 'store');
  const [location, setLocation] = useState(editing?.locationId ?? '');
  const locationId = location || (locations[0]?.id ?? '');
  const [active, setActive] = useState(editing?.active ?? true);
  const [done, setDone] = useState<string | null>(null);
  const problems = () => draftProblems('stockroom.saveLocation', { id: editing?.id, name, kind, locationId, active });
  const { errors, show, showProblems, clear } = useFormErrors({ name, kind, locationId }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['name', 'kind', 'locationId']);
    const result = await call('stockroom.saveLocation', { id: editing?.id, name, kind, locationId, active });
    if (!result.ok) return show(result.error, ['name', 'kind', 'locationId']);
    setDone(t('PlacesSection.saved', { name: result.value.name }));
    if (!editing) setName('');
    else onDone();
  }

  return (
    <form
      aria-label={editing ? t('PlacesSection.edit2', { editingName: editing.name }) : t('PlacesSection.addAPlace')}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{editing ? t('PlacesSection.edit2', { editingName: editing.name }) : t('PlacesSection.addAPlace')}</h3>
      <div className="setup-row">
        <Field
          label={t('PlacesSection.placeName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <SelectField
          label={t('PlacesSection.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as StockLocationKind)}
          options={PLACE_KINDS}
        />
        <SelectField
          label={t('PlacesSection.inLocation')}
          value={locationId}
          onChange={(e) => setLocation(e.target.value)}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
          error={errors.fields.locationId}
        />
      </div>
      {editing && (
        <label className="check">
          <Trans
            t={t}
            i18nKey="PlacesSection.inUse2"
            components={{
              input: <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />,
            }}
          />
        </label>
      )}
      <button type="submit">{editing ? t('PlacesSection.savePlace') : t('PlacesSection.addPlace')}</button>
      {editing && (
        <button type="button" onClick={onDone}>
          {t('PlacesSection.stopEditing')}
        </button>
      )}
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
