import { useState, type SyntheticEvent } from 'react';
import type { ProviderSummary } from '../../../../src-shared/scheduling/model';
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

/** Providers: who can be booked, with specialty, colour and usual location; add, edit, remove. */
export function ProvidersSection() {
  const { t } = useTranslation('scheduling-setup');
  const providers = useSetupLists((state) => state.providers);
  const locations = useSetupLists((state) => state.locations);
  const staff = useSetupLists((state) => state.staff);
  const reload = useSetupLists((state) => state.reload);
  const editable = useEditableRows(reload);
  const locationName = (id: string | null) => locations.find((location) => location.id === id)?.name;
  const accountName = (id: string | null) => staff.find((member) => member.id === id)?.displayName;

  return (
    <>
      <p className="hint">{t('ProvidersSection.eachProviderHasAColumn')}</p>
      <FormMessage success={editable.status} />
      {providers.length === 0 ? (
        <p>{t('ProvidersSection.noProvidersYetAddThe')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('ProvidersSection.providers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ProvidersSection.provider')}</th>
              <th scope="col">{t('ProvidersSection.specialty')}</th>
              <th scope="col">{t('ProvidersSection.colour')}</th>
              <th scope="col">{t('ProvidersSection.defaultLocation')}</th>
              <th scope="col">{t('ProvidersSection.signsInAs')}</th>
              <th scope="col">{t('ProvidersSection.actions')}</th>
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
                    <td>
                      {locationName(provider.defaultLocationId) ?? (
                        <span className="muted">{t('ProvidersSection.none')}</span>
                      )}
                    </td>
                    <td>
                      {accountName(provider.userId) ?? <span className="muted">{t('ProvidersSection.noAccount')}</span>}
                    </td>
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
  const { t } = useTranslation('scheduling-setup');
  const providers = useSetupLists((state) => state.providers);
  const locations = useSetupLists((state) => state.locations);
  const staff = useSetupLists((state) => state.staff);
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
  const fields = {
    displayName: draft.displayName,
    specialty: draft.specialty,
    colour: draft.colour,
    defaultLocationId: draft.defaultLocationId || null,
    userId: draft.userId || null,
  };
  const { errors, done, busy, save } = useSetupSave(provider !== undefined, onSaved, draft, () =>
    provider
      ? draftProblems('schedule.updateProvider', { providerId: provider.id, ...fields })
      : draftProblems('schedule.createProvider', fields),
  );
  // Accounts not linked to another provider (this one's own stays on the list).
  const accounts = staff.filter((member) => member.providerId === null || member.providerId === provider?.id);

  const headingId = provider ? `setup-provider-${provider.id}` : 'setup-provider-add';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
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
      {provider ? (
        <h3 id={headingId}>{t('ProvidersSection.edit', { displayName: provider.displayName })}</h3>
      ) : (
        <h2 id={headingId}>{t('ProvidersSection.addProvider')}</h2>
      )}
      <div className="row">
        <Field
          label={t('ProvidersSection.name')}
          value={draft.displayName}
          onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
          error={errors.errors.fields.displayName}
          maxLength={120}
          hint={t('ProvidersSection.asPatientsAndStaffKnow')}
        />
        <Field
          label={t('ProvidersSection.specialty')}
          value={draft.specialty}
          onChange={(event) => setDraft({ ...draft, specialty: event.target.value })}
          error={errors.errors.fields.specialty}
          maxLength={120}
          hint={t('ProvidersSection.optional')}
        />
      </div>
      <div className="row">
        <Field
          label={t('ProvidersSection.colour')}
          type="color"
          value={draft.colour}
          onChange={(event) => setDraft({ ...draft, colour: event.target.value })}
          error={errors.errors.fields.colour}
        />
        <SelectField
          label={t('ProvidersSection.defaultLocation')}
          value={draft.defaultLocationId}
          options={[
            { value: '', label: t('ProvidersSection.none') },
            ...locations.map((location) => ({ value: location.id, label: location.name })),
          ]}
          onChange={(event) => setDraft({ ...draft, defaultLocationId: event.target.value })}
          error={errors.errors.fields.defaultLocationId}
        />
      </div>
      <SelectField
        label={t('ProvidersSection.signsInAs')}
        value={draft.userId}
        options={[
          { value: '', label: t('ProvidersSection.noAccountBookableOnly') },
          ...accounts.map((member) => ({ value: member.id, label: `${member.displayName} (${member.role})` })),
        ]}
        onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
        error={errors.errors.fields.userId}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={provider ? t('ProvidersSection.saveProvider') : t('ProvidersSection.addProvider')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
