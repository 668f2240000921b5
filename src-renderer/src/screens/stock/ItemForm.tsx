import { useState, type SyntheticEvent } from 'react';
import type { MoneyFormat } from '../../../../src-shared/billing/money';
import type { StockItem } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { amountText, readAmount } from '../billing/money-field';

const numberOrNaN = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const textOrNull = (text: string) => (text.trim() === '' ? null : text);

/** Adds an item, or edits one: name, code and barcode, unit and pack, cost, price and tax when billable, reorder rule. */
export function ItemForm({
  editing,
  money,
  onDone,
}: {
  editing: StockItem | null;
  money: MoneyFormat;
  onDone: () => void;
}) {
  const canSeeTaxes = useSession((state) => state.can('billing:read'));
  const billing = useProcedure('billing.setup', canSeeTaxes ? {} : null);
  const taxes = (billing.value?.taxes ?? []).filter((tax) => tax.active);
  const [draft, setDraft] = useState(() => ({
    name: editing?.name ?? '',
    code: editing?.code ?? '',
    gtin: editing?.gtin ?? '',
    category: editing?.category ?? '',
    dispensingUnit: editing?.dispensingUnit ?? '',
    packSize: String(editing?.packSize ?? 1),
    unitCost: editing ? amountText(editing.unitCostMinor, money) : '',
    billable: editing?.billable ?? false,
    sellingPrice: editing?.sellingPriceMinor != null ? amountText(editing.sellingPriceMinor, money) : '',
    taxId: editing?.taxId ?? '',
    reorderLevel: String(editing?.reorderLevel ?? 0),
    reorderQuantity: String(editing?.reorderQuantity ?? 0),
    maximumLevel: editing?.maximumLevel != null ? String(editing.maximumLevel) : '',
    active: editing?.active ?? true,
  }));
  const [done, setDone] = useState<string | null>(null);
  const { errors, show, clear, setField } = useFormErrors({
    ...draft,
    unitCostMinor: draft.unitCost,
    sellingPriceMinor: draft.sellingPrice,
  });
  const set = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const cost = readAmount(draft.unitCost, money);
    if (cost.problem) return setField('unitCostMinor', cost.problem);
    const price = readAmount(draft.sellingPrice, money, { optional: true });
    if (price.problem) return setField('sellingPriceMinor', price.problem);
    const result = await call('stockroom.saveItem', {
      id: editing?.id,
      name: draft.name,
      code: draft.code,
      gtin: textOrNull(draft.gtin),
      category: textOrNull(draft.category),
      dispensingUnit: draft.dispensingUnit,
      packSize: numberOrNaN(draft.packSize),
      unitCostMinor: cost.minor ?? 0,
      billable: draft.billable,
      sellingPriceMinor: draft.billable ? (price.minor ?? null) : null,
      taxId: draft.billable && draft.taxId !== '' ? draft.taxId : null,
      reorderLevel: numberOrNaN(draft.reorderLevel),
      reorderQuantity: numberOrNaN(draft.reorderQuantity),
      maximumLevel: draft.maximumLevel.trim() === '' ? null : numberOrNaN(draft.maximumLevel),
      active: draft.active,
    });
    if (!result.ok) return show(result.error, FIELDS);
    setDone(`Saved ${result.value.name}.`);
    if (editing) onDone();
    else set({ name: '', code: '', gtin: '' });
  }

  const title = editing ? `Edit ${editing.name}` : 'Add an item';
  const field = (name: keyof typeof draft, label: string, extra: { hint?: string; numeric?: boolean } = {}) => (
    <Field
      label={label}
      value={String(draft[name])}
      inputMode={extra.numeric ? 'numeric' : undefined}
      onChange={(e) => set({ [name]: e.target.value })}
      error={errors.fields[ERROR_KEY[name] ?? name]}
      hint={extra.hint}
    />
  );
  return (
    <form aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{title}</h3>
      <div className="setup-row">
        {field('name', 'Item name')}
        {field('code', 'Item code', { hint: 'Letters, digits, dots or dashes.' })}
        {field('gtin', 'Barcode (GTIN)', { hint: 'Optional: 8 to 14 digits.', numeric: true })}
        {field('category', 'Category')}
        {field('dispensingUnit', 'Dispensing unit', { hint: 'dose, vial, dressing…' })}
        {field('packSize', 'Pack size', { numeric: true, hint: 'Units in a box as delivered.' })}
        {field('unitCost', 'Unit cost')}
        {field('reorderLevel', 'Reorder level', { numeric: true })}
        {field('reorderQuantity', 'Reorder quantity', { numeric: true })}
        {field('maximumLevel', 'Maximum', { numeric: true, hint: 'Optional.' })}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.billable} onChange={(e) => set({ billable: e.target.checked })} />{' '}
        Billable (dispensing adds a line to the visit’s invoice)
      </label>
      {draft.billable && (
        <div className="setup-row">
          {field('sellingPrice', 'Selling price')}
          <SelectField
            label="Tax"
            value={draft.taxId}
            onChange={(e) => set({ taxId: e.target.value })}
            options={[{ value: '', label: 'No tax' }, ...taxes.map((tax) => ({ value: tax.id, label: tax.name }))]}
            error={errors.fields.taxId}
          />
        </div>
      )}
      {editing && (
        <label className="check">
          <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} /> In use
        </label>
      )}
      <button type="submit">{editing ? 'Save item' : 'Add item'}</button>
      {editing && (
        <button type="button" onClick={onDone}>
          Stop editing
        </button>
      )}
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}

/** The form's money fields are named for what is typed; main names them for what is stored. */
const ERROR_KEY: Partial<Record<string, string>> = { unitCost: 'unitCostMinor', sellingPrice: 'sellingPriceMinor' };

const FIELDS = [
  'name',
  'code',
  'gtin',
  'category',
  'dispensingUnit',
  'packSize',
  'unitCostMinor',
  'sellingPriceMinor',
  'taxId',
  'reorderLevel',
  'reorderQuantity',
  'maximumLevel',
];
