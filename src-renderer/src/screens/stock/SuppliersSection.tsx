import { useState, type SyntheticEvent } from 'react';
import type { StockItemSummary, Supplier } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { Trans, useTranslation } from '../../i18n';

/** Who the clinic buys from, their lead time and what they supply (the suggested order groups by it). */
export function SuppliersSection({
  suppliers,
  items,
}: {
  suppliers: readonly Supplier[];
  items: readonly StockItemSummary[];
}) {
  const { t } = useTranslation('stock');
  const [editing, setEditing] = useState<Supplier | null>(null);
  const names = (ids: readonly string[]) =>
    items
      .filter((item) => ids.includes(item.id))
      .map((item) => item.name)
      .join(', ');
  return (
    <section aria-labelledby="suppliers-title" className="card report-card">
      <h2 id="suppliers-title">{t('SuppliersSection.suppliers')}</h2>
      <table aria-label={t('SuppliersSection.suppliers')}>
        <thead>
          <tr>
            <th scope="col">{t('SuppliersSection.supplier')}</th>
            <th scope="col">{t('SuppliersSection.contact')}</th>
            <th scope="col">{t('SuppliersSection.leadTime')}</th>
            <th scope="col">{t('SuppliersSection.supplies')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('SuppliersSection.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {suppliers.length === 0 && (
            <tr>
              <td colSpan={5}>{t('SuppliersSection.noSuppliersYet')}</td>
            </tr>
          )}
          {suppliers.map((supplier) => (
            <tr key={supplier.id}>
              <td>
                {supplier.name}
                {supplier.active ? '' : t('SuppliersSection.notInUse')}
              </td>
              <td>{[supplier.contact, supplier.phone, supplier.email].filter(Boolean).join(' · ')}</td>
              <td>{t('SuppliersSection.days', { leadTimeDays: supplier.leadTimeDays })}</td>
              <td>{names(supplier.itemIds)}</td>
              <td>
                <button type="button" onClick={() => setEditing(supplier)}>
                  {t('SuppliersSection.edit', { supplierName: supplier.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SupplierForm key={editing?.id ?? 'new'} editing={editing} items={items} onDone={() => setEditing(null)} />
    </section>
  );
}

function SupplierForm({
  editing,
  items,
  onDone,
}: {
  editing: Supplier | null;
  items: readonly StockItemSummary[];
  onDone: () => void;
}) {
  const { t } = useTranslation('stock');
  const [name, setName] = useState(editing?.name ?? '');
  const [contact, setContact] = useState(editing?.contact ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [lead, setLead] = useState(String(editing?.leadTimeDays ?? 7));
  const [itemIds, setItemIds] = useState<string[]>(editing?.itemIds ?? []);
  const [active, setActive] = useState(editing?.active ?? true);
  const [done, setDone] = useState<string | null>(null);
  const text = (value: string) => (value.trim() === '' ? null : value);
  const input = () => ({
    id: editing?.id,
    name,
    contact: text(contact),
    phone: text(phone),
    email: text(email),
    // Days as typed: "" or "a week" goes as NaN, which main's schema refuses in its own words.
    leadTimeDays: lead.trim() === '' ? Number.NaN : Number(lead),
    active,
    itemIds,
  });
  const problems = () => draftProblems('stockroom.saveSupplier', input());
  const { errors, show, showProblems, clear } = useFormErrors(
    { name, contact, phone, email, leadTimeDays: lead },
    problems,
  );
  const shown = ['name', 'contact', 'phone', 'email', 'leadTimeDays'];

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const result = await call('stockroom.saveSupplier', input());
    if (!result.ok) return show(result.error, shown);
    setDone(t('SuppliersSection.saved', { name: result.value.name }));
    if (editing) onDone();
    else {
      setName('');
      setContact('');
      setPhone('');
      setEmail('');
      setItemIds([]);
    }
  }

  const title = editing
    ? t('SuppliersSection.edit2', { editingName: editing.name })
    : t('SuppliersSection.addASupplier');
  return (
    <form aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{title}</h3>
      <div className="setup-row">
        <Field
          label={t('SuppliersSection.supplierName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <Field
          label={t('SuppliersSection.contact')}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          error={errors.fields.contact}
        />
        <Field
          label={t('SuppliersSection.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={errors.fields.phone}
        />
        <Field
          label={t('SuppliersSection.email')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <Field
          label={t('SuppliersSection.leadTimeDays')}
          inputMode="numeric"
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          error={errors.fields.leadTimeDays}
        />
      </div>
      {items.length > 0 && (
        <fieldset>
          <legend>{t('SuppliersSection.supplies')}</legend>
          {items.map((item) => (
            <label key={item.id} className="check">
              <input
                type="checkbox"
                checked={itemIds.includes(item.id)}
                onChange={(e) =>
                  setItemIds((ids) => (e.target.checked ? [...ids, item.id] : ids.filter((id) => id !== item.id)))
                }
              />{' '}
              {item.name}
            </label>
          ))}
        </fieldset>
      )}
      {editing && (
        <label className="check">
          <Trans
            t={t}
            i18nKey="SuppliersSection.inUse"
            components={{
              input: <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />,
            }}
          />
        </label>
      )}
      <button type="submit">{editing ? t('SuppliersSection.saveSupplier') : t('SuppliersSection.addSupplier')}</button>
      {editing && (
        <button type="button" onClick={onDone}>
          {t('SuppliersSection.stopEditing')}
        </button>
      )}
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
