import { useState, type SyntheticEvent } from 'react';
import type { ProviderSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useSchedulingSetup } from '../../stores/scheduling-setup';
import { FormFooter } from './FormFooter';
import { useSetupSave } from './useSetupSave';
import { EditableRow, useEditableRows } from './EditableRow';

/** Providers: who can be booked, with specialty, colour and usual location; add, edit, remove. */
export function ProvidersSection() {
  const providers = useSchedulingSetup((state) => state.providers);
  const locations = useSchedulingSetup((state) => state.locations);
  const staff = useSchedulingSetup((state) => state.staff);
  const reload = useSchedulingSetup((state) => state.reload);
  const editable = useEditableRows(reload);
  const locationName = (id: string | null) => locations.find((location) => location.id === id)?.name;
  const accountName = (id: string | null) => staff.find((member) => member.id === id)?.displayName;

  return (
    <>
      <p className="hint">
        Each provider has a column in the calendar. Set their weekly hours under Weekly hours. A provider who signs in
        is linked to their staff account; one who does not (a visiting practitioner) is bookable all the same.
      </p>
      <FormMessage success={editable.status} />
      {providers.length === 0 ? (
        <p>No providers yet: add the first one below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Providers</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Specialty</th>
              <th scope="col">Colour</th>
              <th scope="col">Default location</th>
              <th scope="col">Signs in as</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((provider) => (
              <EditableRow
                key={provider.id}
                what={provider.displayName}
                cells={
                  <>
                    <th scope="row">{provider.displayName}</th>
                    <td>{provider.specialty ?? <span className="muted">—</span>}</td>
                    <td>
                      <Swatch colour={provider.colour} />
                    </td>
                    <td>{locationName(provider.defaultLocationId) ?? <span className="muted">None</span>}</td>
                    <td>{accountName(provider.userId) ?? <span className="muted">No account</span>}</td>
                  </>
                }
                columns={6}
                {...editable.row(provider.id)}
                remove={() => call('schedule.removeProvider', { providerId: provider.id })}
                form={<ProviderForm provider={provider} {...editable.form} />}
              />
            ))}
          </tbody>
        </table>
      )}
      <ProviderForm />
    </>
  );
}

export function Swatch({ colour }: { colour: string }) {
  return (
    <span className="swatch-cell">
      <span className="swatch" style={{ background: colour }} aria-hidden="true" />
      <span className="mono">{colour}</span>
    </span>
  );
}

const PALETTE = ['#1f5fa8', '#2e7d32', '#8e24aa', '#c62828', '#ef6c00', '#00838f', '#6d4c41', '#3949ab'];

/** Add a provider (no `provider`) or edit one. */
function ProviderForm({
  provider,
  onSaved,
  onCancel,
}: {
  provider?: ProviderSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const providers = useSchedulingSetup((state) => state.providers);
  const locations = useSchedulingSetup((state) => state.locations);
  const staff = useSchedulingSetup((state) => state.staff);
  const blank = () => ({
    displayName: '',
    specialty: '',
    colour: PALETTE[providers.length % PALETTE.length] ?? '#1f5fa8',
    defaultLocationId: locations[0]?.id ?? '',
    userId: '',
  });
  const [draft, setDraft] = useState(() =>
    provider
      ? {
          displayName: provider.displayName,
          specialty: provider.specialty ?? '',
          colour: provider.colour,
          defaultLocationId: provider.defaultLocationId ?? '',
          userId: provider.userId ?? '',
        }
      : blank(),
  );
  const { errors, done, busy, save } = useSetupSave(provider !== undefined, onSaved, draft);
  // Accounts not linked to another provider (this one's own stays on the list).
  const accounts = staff.filter((member) => member.providerId === null || member.providerId === provider?.id);

  const headingId = provider ? `setup-provider-${provider.id}` : 'setup-provider-add';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const fields = {
      displayName: draft.displayName,
      specialty: draft.specialty,
      colour: draft.colour,
      defaultLocationId: draft.defaultLocationId || null,
      userId: draft.userId || null,
    };
    await save(
      () =>
        provider
          ? call('schedule.updateProvider', { providerId: provider.id, ...fields })
          : call('schedule.createProvider', fields),
      ['displayName', 'specialty', 'colour', 'defaultLocationId', 'userId'],
      (saved) => saved.displayName,
      () => setDraft({ ...blank(), colour: PALETTE[(providers.length + 1) % PALETTE.length] ?? '#1f5fa8' }),
    );
  }

  return (
    <form
      className={provider ? 'subrow-form' : 'card wide'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {provider ? <h3 id={headingId}>Edit {provider.displayName}</h3> : <h2 id={headingId}>Add provider</h2>}
      <div className="row">
        <Field
          label="Name"
          value={draft.displayName}
          onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
          error={errors.errors.fields.displayName}
          maxLength={120}
          hint="As patients and staff know them, e.g. Dr Amara Okafor."
        />
        <Field
          label="Specialty"
          value={draft.specialty}
          onChange={(event) => setDraft({ ...draft, specialty: event.target.value })}
          error={errors.errors.fields.specialty}
          maxLength={120}
          hint="Optional."
        />
      </div>
      <div className="row">
        <Field
          label="Colour"
          type="color"
          value={draft.colour}
          onChange={(event) => setDraft({ ...draft, colour: event.target.value })}
          error={errors.errors.fields.colour}
        />
        <SelectField
          label="Default location"
          value={draft.defaultLocationId}
          options={[
            { value: '', label: 'None' },
            ...locations.map((location) => ({ value: location.id, label: location.name })),
          ]}
          onChange={(event) => setDraft({ ...draft, defaultLocationId: event.target.value })}
          error={errors.errors.fields.defaultLocationId}
        />
      </div>
      <SelectField
        label="Signs in as"
        value={draft.userId}
        options={[
          { value: '', label: 'No account (bookable only)' },
          ...accounts.map((member) => ({ value: member.id, label: `${member.displayName} (${member.role})` })),
        ]}
        onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
        error={errors.errors.fields.userId}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={provider ? 'Save provider' : 'Add provider'}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
