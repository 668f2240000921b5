import { useState } from 'react';
import type { Referrer } from '../../../../src-shared/referrals/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** Whether a new directory entry can be added as typed (main says the rest). */
function referrerProblems(values: { name: string }): Record<string, string> {
  return values.name.trim() ? {} : { name: 'must not be empty' };
}

/**
 * The directory of referring providers (and clinics referred to): picked from a list, and added to when
 * a letter comes from someone new, without leaving the form.
 */
export function ReferrerPicker({
  referrers,
  value,
  onChange,
  onAdded,
  label,
  error,
}: {
  referrers: readonly Referrer[];
  value: string;
  onChange: (referrerId: string) => void;
  onAdded: (referrer: Referrer) => void;
  label: string;
  error: string | undefined;
}) {
  const { t } = useTranslation('referrals');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ name, organisation }, () => referrerProblems({ name }));

  async function add() {
    errors.clear();
    const local = referrerProblems({ name });
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['name']);
    setBusy(true);
    const result = await call('referrals.addReferrer', { name, organisation: organisation || null });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['name', 'organisation']);
    onAdded(result.value);
    setAdding(false);
    setName('');
    setOrganisation('');
  }

  return (
    <div className="referrer-picker">
      <SelectField
        label={label}
        value={value}
        options={[
          { value: '', label: t('ReferrerPicker.choose') },
          ...referrers.map((r) => ({ value: r.id, label: r.organisation ? `${r.name} (${r.organisation})` : r.name })),
        ]}
        onChange={(event) => onChange(event.target.value)}
        error={error}
      />
      <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
        {t('ReferrerPicker.addToDirectory')}
      </button>
      {adding && (
        <fieldset>
          <legend>{t('ReferrerPicker.newEntry')}</legend>
          <Field
            label={t('ReferrerPicker.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.errors.fields.name}
          />
          <Field
            label={t('ReferrerPicker.organisation')}
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
            error={errors.errors.fields.organisation}
          />
          <FormMessage error={errors.errors.form} />
          <button type="button" disabled={busy} onClick={() => void add()}>
            {t('ReferrerPicker.add')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
