import { useState, type SyntheticEvent } from 'react';
import type { AppointmentTypeSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSchedulingSetup } from '../../stores/scheduling-setup';
import { FormFooter } from './FormFooter';
import { useSetupSave } from './useSetupSave';
import { formatMoney, moneyText, parseMoney } from './format';
import { Swatch } from './ProvidersSection';
import { EditableRow, useEditableRows } from './EditableRow';

/** Appointment types: what can be booked, for how long, with whom and at what price. */
export function TypesSection() {
  const types = useSchedulingSetup((state) => state.types);
  const providers = useSchedulingSetup((state) => state.providers);
  const reload = useSchedulingSetup((state) => state.reload);
  const editable = useEditableRows(reload);
  const names = (ids: string[]) =>
    ids.length === 0
      ? 'Any provider'
      : ids
          .map((id) => providers.find((provider) => provider.id === id)?.displayName ?? 'a removed provider')
          .join(', ');

  return (
    <>
      <p className="hint">
        A new length applies to bookings made from now on; appointments already booked keep theirs.
      </p>
      <FormMessage success={editable.status} />
      {types.length === 0 ? (
        <p>No appointment types yet: add the first one below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Appointment types</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Length</th>
              <th scope="col">Colour</th>
              <th scope="col">Price</th>
              <th scope="col">Providers</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <EditableRow
                key={type.id}
                what={type.name}
                cells={
                  <>
                    <th scope="row">{type.name}</th>
                    <td className="nowrap">{type.durationMinutes} min</td>
                    <td>
                      <Swatch colour={type.colour} />
                    </td>
                    <td className="nowrap">{formatMoney(type.defaultPriceMinor, type.currency)}</td>
                    <td>{names(type.providerIds)}</td>
                  </>
                }
                columns={6}
                {...editable.row(type.id)}
                remove={() => call('schedule.removeType', { typeId: type.id })}
                form={<TypeForm type={type} {...editable.form} />}
              />
            ))}
          </tbody>
        </table>
      )}
      <TypeForm />
    </>
  );
}

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Add a type (no `type`) or edit one. */
function TypeForm({
  type,
  onSaved,
  onCancel,
}: {
  type?: AppointmentTypeSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const providers = useSchedulingSetup((state) => state.providers);
  const currency = useClinicSettings((state) => type?.currency ?? state.settings?.currency ?? 'USD');
  const blank = { name: '', duration: '30', colour: '#1f5fa8', price: '', providerIds: [] as string[] };
  const [draft, setDraft] = useState(() =>
    type
      ? {
          name: type.name,
          duration: String(type.durationMinutes),
          colour: type.colour,
          price: moneyText(type.defaultPriceMinor, type.currency),
          providerIds: type.providerIds,
        }
      : blank,
  );
  const { errors, done, busy, restart, save } = useSetupSave(type !== undefined, onSaved, draft);
  const prefix = type ? `setup-type-${type.id}` : 'setup-type-add';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    restart();
    const price = parseMoney(draft.price, currency);
    if (!/^\d+$/.test(draft.duration.trim())) return errors.setField('durationMinutes', 'must be whole minutes');
    if (price === undefined)
      return errors.setField('defaultPriceMinor', `must be an amount such as ${moneyText(4500, currency)}`);
    const fields = {
      name: draft.name,
      durationMinutes: Number(draft.duration),
      colour: draft.colour,
      defaultPriceMinor: price,
      providerIds: draft.providerIds,
    };
    await save(
      () => (type ? call('schedule.updateType', { typeId: type.id, ...fields }) : call('schedule.createType', fields)),
      [
        'name',
        'durationMinutes',
        'colour',
        'defaultPriceMinor',
        'providerIds',
        ...draft.providerIds.map((_, index) => `providerIds.${index}`),
      ],
      (saved) => saved.name,
      () => setDraft(blank),
    );
  }

  const providerError = Object.entries(errors.errors.fields).find(([path]) => path.startsWith('providerIds'))?.[1];

  return (
    <form
      className={type ? 'subrow-form' : 'card wide'}
      aria-labelledby={prefix}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {type ? <h3 id={prefix}>Edit {type.name}</h3> : <h2 id={prefix}>Add appointment type</h2>}
      <Field
        label="Type name"
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={120}
      />
      <div className="row">
        <Field
          label="Length (minutes)"
          inputMode="numeric"
          value={draft.duration}
          onChange={(event) => setDraft({ ...draft, duration: event.target.value })}
          error={errors.errors.fields.durationMinutes}
          hint="5 to 720."
        />
        <Field
          label={`Price (${currency})`}
          inputMode="decimal"
          value={draft.price}
          onChange={(event) => setDraft({ ...draft, price: event.target.value })}
          error={errors.errors.fields.defaultPriceMinor}
          hint="Optional, e.g. 45.00."
        />
      </div>
      <Field
        label="Colour"
        type="color"
        value={draft.colour}
        onChange={(event) => setDraft({ ...draft, colour: event.target.value })}
        error={errors.errors.fields.colour}
      />
      <fieldset aria-describedby={providerError ? `${prefix}-providers-error` : undefined}>
        <legend>Providers who see this type (none ticked: any provider)</legend>
        <div className="setup-checks">
          {providers.map((provider) => (
            <label key={provider.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.providerIds.includes(provider.id)}
                onChange={() => setDraft({ ...draft, providerIds: toggle(draft.providerIds, provider.id) })}
              />
              {provider.displayName}
            </label>
          ))}
          {providers.length === 0 && <span className="muted">No providers yet.</span>}
        </div>
        {providerError && (
          <small id={`${prefix}-providers-error`} className="field-error">
            {providerError}
          </small>
        )}
      </fieldset>
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={type ? 'Save type' : 'Add appointment type'}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
