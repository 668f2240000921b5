import type { SyntheticEvent } from 'react';
import type { TaxView } from '../../../../../src-shared/billing/model';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { percentToPpm, ppmToPercent } from './percent';
import { EditorActions, RecordActions, useRecordEditor } from './useRecordEditor';
import { Trans, useTranslation } from '../../../i18n';

const BLANK = { name: '', rate: '', inclusive: false };

/** Taxes: a rate, added to prices or included in them; retired rather than deleted (old invoices name them). */
export function TaxesSection({ taxes, onSaved }: { taxes: readonly TaxView[]; onSaved: () => void }) {
  const { t } = useTranslation('billing');
  const { editing, form, setForm, saved, errors, edit, submit, toggle, cancel } = useRecordEditor({
    procedure: 'fees.saveTax',
    blank: BLANK,
    valuesOf: (tax: TaxView) => ({ name: tax.name, rate: ppmToPercent(tax.ratePpm), inclusive: tax.inclusive }),
    input: (tax, values, active) => ({
      ...(tax && { taxId: tax.id }),
      name: values.name,
      ratePpm: percentToPpm(values.rate).ppm ?? 0,
      inclusive: values.inclusive,
      ...(active !== undefined && { active }),
    }),
    // The rate as a percentage, before main's rules for the tax.
    ownProblems: (values): Record<string, string> => {
      const rate = percentToPpm(values.rate);
      return rate.problem ? { ratePpm: rate.problem } : {};
    },
    named: (values) => ({ ...values, ratePpm: values.rate }),
    fields: ['name', 'ratePpm'],
    savedMessage: (tax) => t('TaxesSection.saved', { name: tax.name }),
    onSaved,
  });

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
                <RecordActions
                  active={tax.active}
                  editLabel={t('TaxesSection.edit', { taxName: tax.name })}
                  words={{
                    edit: t('TaxesSection.edit2'),
                    retire: t('TaxesSection.retire'),
                    bringBack: t('TaxesSection.bringBack'),
                  }}
                  onEdit={() => edit(tax)}
                  onToggle={() => void toggle(tax)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label={editing ? t('TaxesSection.editTax', { editingName: editing.name }) : t('TaxesSection.addTax')}
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          void submit();
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
        <EditorActions
          editing={editing !== null}
          words={{ add: t('TaxesSection.addTax'), save: t('TaxesSection.saveTax'), cancel: t('TaxesSection.cancel') }}
          onCancel={cancel}
        />
      </form>
    </section>
  );
}
