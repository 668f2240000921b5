import { useState, type SyntheticEvent } from 'react';
import type { TaxView } from '../../../../../src-shared/billing/model';
import type { Input } from '../../../../../src-shared/api/contract';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../../hooks/useFormErrors';
import { percentToPpm, ppmToPercent } from './percent';
import { Trans, useTranslation } from '../../../i18n';

const BLANK = { name: '', rate: '', inclusive: false };

/** Taxes: a rate, added to prices or included in them; retired rather than deleted (old invoices name them). */
export function TaxesSection({ taxes, onSaved }: { taxes: readonly TaxView[]; onSaved: () => void }) {
  const { t } = useTranslation('billing');
  const [editing, setEditing] = useState<TaxView | null>(null);
  const [form, setForm] = useState(BLANK);
  const [saved, setSaved] = useState<string | null>(null);
  const input = (tax: TaxView | null, values: typeof BLANK, active?: boolean): Input<'fees.saveTax'> => ({
    ...(tax && { taxId: tax.id }),
    name: values.name,
    ratePpm: percentToPpm(values.rate).ppm ?? 0,
    inclusive: values.inclusive,
    ...(active !== undefined && { active }),
  });
  /** What is wrong as typed: the rate as a percentage, then main's rules for the tax. */
  const problems = (tax: TaxView | null, values: typeof BLANK, active?: boolean): Record<string, string> => {
    const rate = percentToPpm(values.rate);
    return {
      ...draftProblems('fees.saveTax', input(tax, values, active)),
      ...(rate.problem && { ratePpm: rate.problem }),
    };
  };
  const { errors, show, showProblems, clear } = useFormErrors({ ...form, ratePpm: form.rate }, () =>
    problems(editing, form),
  );

  function edit(tax: TaxView) {
    setEditing(tax);
    setForm({ name: tax.name, rate: ppmToPercent(tax.ratePpm), inclusive: tax.inclusive });
    clear();
  }

  async function save(tax: TaxView | null, values: typeof BLANK, active?: boolean) {
    clear();
    setSaved(null);
    const local = problems(tax, values, active);
    if (Object.keys(local).length > 0) return showProblems(local, ['name', 'ratePpm']);
    const result = await call('fees.saveTax', input(tax, values, active));
    if (!result.ok) return show(result.error, ['name', 'ratePpm']);
    setSaved(t('TaxesSection.saved', { name: result.value.name }));
    setEditing(null);
    setForm(BLANK);
    onSaved();
  }

  return (
    <section className="card billing-card" aria-labelledby="taxes-title">
      <h2 id="taxes-title">{t('TaxesSection.taxes')}</h2>
      <table className="ledger" aria-label={t('TaxesSection.taxes')}>
        <thead>
          <tr>
            <th scope="col">{t('TaxesSection.name')}</th>
            <th scope="col" className="num">
              {t('TaxesSection.rate')}
            </th>
            <th scope="col">{t('TaxesSection.applied')}</th>
            <th scope="col">{t('TaxesSection.state')}</th>
            <th scope="col">{t('TaxesSection.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {taxes.map((tax) => (
            <tr key={tax.id}>
              <td>{tax.name}</td>
              <td className="num">{ppmToPercent(tax.ratePpm)}%</td>
              <td>{tax.inclusive ? t('TaxesSection.includedInPrices') : t('TaxesSection.addedToPrices')}</td>
              <td>{tax.active ? t('TaxesSection.active') : t('TaxesSection.retired')}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    onClick={() => edit(tax)}
                    aria-label={t('TaxesSection.edit', { taxName: tax.name })}
                  >
                    {t('TaxesSection.edit2')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void save(
                        tax,
                        { name: tax.name, rate: ppmToPercent(tax.ratePpm), inclusive: tax.inclusive },
                        !tax.active,
                      )
                    }
                  >
                    {tax.active ? t('TaxesSection.retire') : t('TaxesSection.bringBack')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label={editing ? t('TaxesSection.editTax', { editingName: editing.name }) : t('TaxesSection.addTax')}
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          void save(editing, form);
        }}
        noValidate
      >
        <div className="billing-fields">
          <Field
            label={t('TaxesSection.taxName')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.fields.name}
          />
          <Field
            label={t('TaxesSection.rate2')}
            inputMode="decimal"
            value={form.rate}
            onChange={(e) => setForm({ ...form, rate: e.target.value })}
            error={errors.fields.ratePpm}
          />
          <div className="field checkbox-field">
            <label className="checkbox">
              <Trans
                t={t}
                i18nKey="TaxesSection.includedInPrices2"
                components={{
                  input: (
                    <input
                      type="checkbox"
                      checked={form.inclusive}
                      onChange={(e) => setForm({ ...form, inclusive: e.target.checked })}
                    />
                  ),
                }}
              />
            </label>
          </div>
        </div>
        <FormMessage error={errors.form} success={saved} />
        <div className="actions">
          <button type="submit" className="primary">
            {editing ? t('TaxesSection.saveTax') : t('TaxesSection.addTax')}
          </button>
          {editing && (
            <button type="button" onClick={() => (setEditing(null), setForm(BLANK))}>
              {t('TaxesSection.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
