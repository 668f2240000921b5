import { useState, type SyntheticEvent } from 'react';
import type { MoneyFormat } from '../../../../src-shared/billing/money';
import type { StockItem } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { amountText, readAmount } from '../billing/money-field';
import { Trans, useTranslation } from '../../i18n';

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
  const { t } = useTranslation('stock');
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
  const cost = readAmount(draft.unitCost, money);
  const price = readAmount(draft.sellingPrice, money, { optional: true });
  const input = (): Input<'stockroom.saveItem'> => ({
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
  /** What is wrong as typed: the amounts as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('stockroom.saveItem', input()),
    ...(cost.problem && { unitCostMinor: cost.problem }),
    ...(price.problem && { sellingPriceMinor: price.problem }),
  });
  const { errors, show, showProblems, clear } = useFormErrors(
    { ...draft, unitCostMinor: draft.unitCost, sellingPriceMinor: draft.sellingPrice },
    problems,
  );
  const set = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    const result = await call('stockroom.saveItem', input());
    if (!result.ok) return show(result.error, FIELDS);
    setDone(t('ItemForm.saved', { name: result.value.name }));
    if (editing) onDone();
    else set({ name: '', code: '', gtin: '' });
  }

  const title = editing ? t('ItemForm.edit', { editingName: editing.name }) : t('ItemForm.addAnItem');
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
        {field('name', t('ItemForm.itemName'))}
        {field('code', t('ItemForm.itemCode'), { hint: t('ItemForm.lettersDigitsDotsOrDashes') })}
        {field('gtin', t('ItemForm.barcodeGtin'), { hint: t('ItemForm.optional8To14Digits'), numeric: true })}
        {field('category', t('ItemForm.category'))}
        {field('dispensingUnit', t('ItemForm.dispensingUnit'), { hint: t('ItemForm.doseVialDressing') })}
        {field('packSize', t('ItemForm.packSize'), { numeric: true, hint: t('ItemForm.unitsInABoxAs') })}
        {field('unitCost', t('ItemForm.unitCost'))}
        {field('reorderLevel', t('ItemForm.reorderLevel'), { numeric: true })}
        {field('reorderQuantity', t('ItemForm.reorderQuantity'), { numeric: true })}
        {field('maximumLevel', t('ItemForm.maximum'), { numeric: true, hint: t('ItemForm.optional') })}
      </div>
      <label className="check">
        <Trans
          t={t}
          i18nKey="ItemForm.billableDispensingAddsALine"
          components={{
            input: (
              <input type="checkbox" checked={draft.billable} onChange={(e) => set({ billable: e.target.checked })} />
            ),
          }}
        />
      </label>
      {draft.billable && (
        <div className="setup-row">
          {field('sellingPrice', t('ItemForm.sellingPrice'))}
          <SelectField
            label={t('ItemForm.tax')}
            value={draft.taxId}
            onChange={(e) => set({ taxId: e.target.value })}
            options={[
              { value: '', label: t('ItemForm.noTax') },
              ...taxes.map((tax) => ({ value: tax.id, label: tax.name })),
            ]}
            error={errors.fields.taxId}
          />
        </div>
      )}
      {editing && (
        <label className="check">
          <Trans
            t={t}
            i18nKey="ItemForm.inUse"
            components={{
              input: (
                <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
              ),
            }}
          />
        </label>
      )}
      <button type="submit">{editing ? t('ItemForm.saveItem') : t('ItemForm.addItem')}</button>
      {editing && (
        <button type="button" onClick={onDone}>
          {t('ItemForm.stopEditing')}
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
