import { useState, type SyntheticEvent } from 'react';
import type { ServiceView, TaxView } from '../../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../../src-shared/billing/money';
import type { Input } from '../../../../../src-shared/api/contract';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { draftProblems, useFormErrors } from '../../../hooks/useFormErrors';
import { amountText, readAmount } from '../money-field';
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
  const [editing, setEditing] = useState<ServiceView | null>(null);
  const [form, setForm] = useState(BLANK);
  const [saved, setSaved] = useState<string | null>(null);
  const input = (service: ServiceView | null, values: typeof BLANK, active?: boolean): Input<'fees.saveService'> => ({
    ...(service && { serviceId: service.id }),
    code: values.code,
    name: values.name,
    defaultPriceMinor: readAmount(values.price, money).minor ?? 0,
    taxId: values.taxId || null,
    ...(active !== undefined && { active }),
  });
  /** What is wrong as typed: the price as the clinic writes money, then main's rules for the service. */
  const problems = (service: ServiceView | null, values: typeof BLANK, active?: boolean): Record<string, string> => {
    const price = readAmount(values.price, money);
    return {
      ...draftProblems('fees.saveService', input(service, values, active)),
      ...(price.problem && { defaultPriceMinor: price.problem }),
    };
  };
  const { errors, show, showProblems, clear } = useFormErrors({ ...form, defaultPriceMinor: form.price }, () =>
    problems(editing, form),
  );
  const taxName = (id: string | null) => taxes.find((tax) => tax.id === id)?.name ?? t('ServicesSection.noTax');

  function edit(service: ServiceView) {
    setEditing(service);
    setForm({
      code: service.code,
      name: service.name,
      price: amountText(service.defaultPriceMinor, money),
      taxId: service.taxId ?? '',
    });
    clear();
  }

  async function save(service: ServiceView | null, values: typeof BLANK, active?: boolean) {
    clear();
    setSaved(null);
    const local = problems(service, values, active);
    if (Object.keys(local).length > 0) return showProblems(local, ['code', 'name', 'defaultPriceMinor', 'taxId']);
    const result = await call('fees.saveService', input(service, values, active));
    if (!result.ok) return show(result.error, ['code', 'name', 'defaultPriceMinor', 'taxId']);
    setSaved(t('ServicesSection.saved', { code: result.value.code, name: result.value.name }));
    setEditing(null);
    setForm(BLANK);
    onSaved();
  }

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
                <div className="row-actions">
                  <button
                    type="button"
                    onClick={() => edit(service)}
                    aria-label={t('ServicesSection.edit', { serviceCode: service.code })}
                  >
                    {t('ServicesSection.edit2')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void save(
                        service,
                        {
                          code: service.code,
                          name: service.name,
                          price: amountText(service.defaultPriceMinor, money),
                          taxId: service.taxId ?? '',
                        },
                        !service.active,
                      )
                    }
                  >
                    {service.active ? t('ServicesSection.retire') : t('ServicesSection.bringBack')}
                  </button>
                </div>
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
          void save(editing, form);
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
        <div className="actions">
          <button type="submit" className="primary">
            {editing ? t('ServicesSection.saveService') : t('ServicesSection.addService')}
          </button>
          {editing && (
            <button type="button" onClick={() => (setEditing(null), setForm(BLANK))}>
              {t('ServicesSection.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
