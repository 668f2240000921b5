import { useState, type SyntheticEvent } from 'react';
import type { AppointmentTypeSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSetupLists } from './setup-lists';
import { FormFooter } from './FormFooter';
import { draftProblems } from '../../hooks/useFormErrors';
import { useSetupSave } from './useSetupSave';
import { formatMoney, moneyText, parseMoney } from './format';
import { Swatch } from './ProvidersSection';
import { EditableRow, useEditableRows } from './EditableRow';
import { useTranslation } from '../../i18n';

/** Appointment types: what can be booked, for how long, with whom and at what price. */
export function TypesSection() {
  const { t } = useTranslation('scheduling-setup');
  const types = useSetupLists((state) => state.types);
  const providers = useSetupLists((state) => state.providers);
  const reload = useSetupLists((state) => state.reload);
  const editable = useEditableRows(reload);
  const names = (ids: string[]) =>
    ids.length === 0
      ? t('TypesSection.anyProvider')
      : ids
          .map(
            (id) => providers.find((provider) => provider.id === id)?.displayName ?? t('TypesSection.aRemovedProvider'),
          )
          .join(', ');

  return (
    <>
      <p className="hint">{t('TypesSection.aNewLengthAppliesTo')}</p>
      <FormMessage success={editable.status} />
      {types.length === 0 ? (
        <p>{t('TypesSection.noAppointmentTypesYetAdd')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('TypesSection.appointmentTypes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('TypesSection.type')}</th>
              <th scope="col">{t('TypesSection.length')}</th>
              <th scope="col">{t('TypesSection.colour')}</th>
              <th scope="col">{t('TypesSection.price')}</th>
              <th scope="col">{t('TypesSection.providers')}</th>
              <th scope="col">{t('TypesSection.actions')}</th>
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
                    <td className="nowrap">{t('TypesSection.min', { durationMinutes: type.durationMinutes })}</td>
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
  const { t } = useTranslation('scheduling-setup');
  const providers = useSetupLists((state) => state.providers);
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
  const price = parseMoney(draft.price, currency);
  const wholeMinutes = /^\d+$/.test(draft.duration.trim());
  const fields = {
    name: draft.name,
    durationMinutes: Number(draft.duration),
    colour: draft.colour,
    // An unreadable price is the form's own problem below, not main's.
    defaultPriceMinor: price ?? null,
    providerIds: draft.providerIds,
  };
  /** What is wrong as typed: minutes and money as the clinic writes them, then main's rules for the draft. */
  const problems = (): Record<string, string> => ({
    ...(type
      ? draftProblems('schedule.updateType', { typeId: type.id, ...fields })
      : draftProblems('schedule.createType', fields)),
    ...(!wholeMinutes && { durationMinutes: t('TypesSection.mustBeWholeMinutes') }),
    ...(price === undefined && {
      defaultPriceMinor: t('TypesSection.mustBeAnAmountSuch', { moneyText: moneyText(4500, currency) }),
    }),
  });
  // Errors name the input's fields: the typed minutes and price stand under those names.
  const values = { ...draft, durationMinutes: draft.duration, defaultPriceMinor: draft.price };
  const { errors, done, busy, save } = useSetupSave(type !== undefined, onSaved, values, problems);
  const prefix = type ? `setup-type-${type.id}` : 'setup-type-add';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
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
      {type ? (
        <h3 id={prefix}>{t('TypesSection.edit', { typeName: type.name })}</h3>
      ) : (
        <h2 id={prefix}>{t('TypesSection.addAppointmentType')}</h2>
      )}
      <Field
        label={t('TypesSection.typeName')}
        value={draft.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        error={errors.errors.fields.name}
        maxLength={120}
      />
      <div className="row">
        <Field
          label={t('TypesSection.lengthMinutes')}
          inputMode="numeric"
          value={draft.duration}
          onChange={(event) => setDraft({ ...draft, duration: event.target.value })}
          error={errors.errors.fields.durationMinutes}
          hint="5 to 720."
        />
        <Field
          label={t('TypesSection.price2', { currency })}
          inputMode="decimal"
          value={draft.price}
          onChange={(event) => setDraft({ ...draft, price: event.target.value })}
          error={errors.errors.fields.defaultPriceMinor}
          hint={t('TypesSection.optionalEG4500')}
        />
      </div>
      <Field
        label={t('TypesSection.colour')}
        type="color"
        value={draft.colour}
        onChange={(event) => setDraft({ ...draft, colour: event.target.value })}
        error={errors.errors.fields.colour}
      />
      <fieldset aria-describedby={providerError ? `${prefix}-providers-error` : undefined}>
        <legend>{t('TypesSection.providersWhoSeeThisType')}</legend>
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
          {providers.length === 0 && <span className="muted">{t('TypesSection.noProvidersYet')}</span>}
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
        label={type ? t('TypesSection.saveType') : t('TypesSection.addAppointmentType')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
