import type { SyntheticEvent } from 'react';
import type { ServiceView, TaxView } from '../../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../../src-shared/billing/money';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { amountText, readAmount } from '../money-field';
import { EditorActions, RecordActions, useRecordEditor } from './useRecordEditor';
import { useTranslation } from '../../../i18n';

const BLANK = { code: '', name: '', price: '', taxId: '' };

interface ServicesSectionProps {
  services: readonly ServiceView[];
  taxes: readonly TaxView[];
  money: MoneyFormat;
  onSaved: () => void;
}

/** Services: code, name, default price and tax; retired rather than deleted. */
export function ServicesSection({ services, taxes, money, onSaved }: ServicesSectionProps) {
  const { t } = useTranslation('billing');
  const { editing, form, setForm, saved, errors, edit, submit, toggle, cancel } = useRecordEditor({
    procedure: 'fees.saveService',
    blank: BLANK,
    valuesOf: (service: ServiceView) => ({
      code: service.code,
      name: service.name,
      price: amountText(service.defaultPriceMinor, money),
      taxId: service.taxId ?? '',
    }),
    input: (service, values, active) => ({
      ...(service && { serviceId: service.id }),
      code: values.code,
      name: values.name,
      defaultPriceMinor: readAmount(values.price, money).minor ?? 0,
      taxId: values.taxId || null,
      ...(active !== undefined && { active }),
    }),
    // The price as the clinic writes money, before main's rules for the service.
    ownProblems: (values): Record<string, string> => {
      const price = readAmount(values.price, money);
      return price.problem ? { defaultPriceMinor: price.problem } : {};
    },
    named: (values) => ({ ...values, defaultPriceMinor: values.price }),
    fields: ['code', 'name', 'defaultPriceMinor', 'taxId'],
    savedMessage: (service) => t('ServicesSection.saved', { code: service.code, name: service.name }),
    onSaved,
  });
  const taxName = (id: string | null) => taxes.find((tax) => tax.id === id)?.name ?? t('ServicesSection.noTax');

  return (
    <section className="card billing-card" aria-labelledby="services-title">
      <h2 id="services-title">{t('ServicesSection.services')}</h2>
      <table className="ledger" aria-label={t('ServicesSection.services')}>
        <thead>
          <tr>
            <th scope="col">{t('ServicesSection.code')}</th>
            <th scope="col">{t('ServicesSection.name')}</th>
            <th scope="col" className="num">
              {t('ServicesSection.defaultPrice')}
            </th>
            <th scope="col">{t('ServicesSection.tax')}</th>
            <th scope="col">{t('ServicesSection.state')}</th>
            <th scope="col">{t('ServicesSection.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id}>
              <td>{service.code}</td>
              <td>{service.name}</td>
              <td className="num">{formatMoney(service.defaultPriceMinor, money)}</td>
              <td>{taxName(service.taxId)}</td>
              <td>{service.active ? t('ServicesSection.active') : t('ServicesSection.retired')}</td>
              <td>
                <RecordActions
                  active={service.active}
                  editLabel={t('ServicesSection.edit', { serviceCode: service.code })}
                  words={{
                    edit: t('ServicesSection.edit2'),
                    retire: t('ServicesSection.retire'),
                    bringBack: t('ServicesSection.bringBack'),
                  }}
                  onEdit={() => edit(service)}
                  onToggle={() => void toggle(service)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label={
          editing ? t('ServicesSection.editService', { editingCode: editing.code }) : t('ServicesSection.addService')
        }
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <div className="billing-fields">
          <Field
            label={t('ServicesSection.code')}
            value={form.code}
            onChange={(e) => setForm({ ...form, code: e.target.value })}
            error={errors.fields.code}
          />
          <Field
            label={t('ServicesSection.serviceName')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.fields.name}
          />
          <Field
            label={t('ServicesSection.defaultPrice2', { currency: money.currency })}
            inputMode="decimal"
            value={form.price}
            onChange={(e) => setForm({ ...form, price: e.target.value })}
            error={errors.fields.defaultPriceMinor}
          />
          <SelectField
            label={t('ServicesSection.tax')}
            value={form.taxId}
            options={[
              { value: '', label: t('ServicesSection.noTax') },
              ...taxes.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name })),
            ]}
            onChange={(e) => setForm({ ...form, taxId: e.target.value })}
            error={errors.fields.taxId}
          />
        </div>
        <FormMessage error={errors.form} success={saved} />
        <EditorActions
          editing={editing !== null}
          words={{
            add: t('ServicesSection.addService'),
            save: t('ServicesSection.saveService'),
            cancel: t('ServicesSection.cancel'),
          }}
          onCancel={cancel}
        />
      </form>
    </section>
  );
}
