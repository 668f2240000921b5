import { useState, type SyntheticEvent } from 'react';
import type { DispenseResult } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { useProcedure } from '../../hooks/useProcedure';
import { typedUnits } from '../stock/units-text';
import { useTranslation, variant } from '../../i18n';

const FEFO = '';

/**
 * Gives a patient stock at this visit (a vaccine, a dressing): find the item by name, code or scan, the
 * place it comes from, the units; the first-expiring lot that has not expired is taken unless the nurse
 * picks one. A billable item adds its line to the visit's invoice, and the card says so.
 */
export function DispenseCard({ visitId }: { visitId: string }) {
  const { t } = useTranslation('visits');
  const showDate = useCalendarDate();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useProcedure('stock.search', query === null ? null : { text: query });
  const [itemId, setItemId] = useState('');
  const items = found.value ?? [];
  const item = items.find((candidate) => candidate.id === itemId) ?? items[0] ?? null;
  const view = useProcedure('stock.item', item ? { itemId: item.id } : null, { refreshOn: { 'stock.changed': true } });
  const lots = view.value?.item.id === item?.id ? (view.value?.lots ?? []) : [];
  const places = [...new Map(lots.map((lot) => [lot.stockLocationId, lot.stockLocationName])).entries()];
  const [place, setPlace] = useState('');
  const stockLocationId = places.some(([id]) => id === place) ? place : (places[0]?.[0] ?? '');
  const [lotId, setLotId] = useState(FEFO);
  const [quantity, setQuantity] = useState('1');
  const [given, setGiven] = useState<string | null>(null);
  const input = (itemId: string): Input<'stock.dispense'> => ({
    visitId,
    itemId,
    stockLocationId,
    quantity: typedUnits(quantity),
    lotId: lotId === FEFO ? null : lotId,
  });
  const { errors, show, clear } = useFormErrors({ text, stockLocationId, lotId, quantity }, () =>
    item ? draftProblems('stock.dispense', input(item.id)) : {},
  );

  function find(event: SyntheticEvent) {
    event.preventDefault();
    setGiven(null);
    setItemId('');
    setQuery(text.trim());
  }

  async function dispense() {
    clear();
    setGiven(null);
    if (!item) return;
    const result = await call('stock.dispense', input(item.id));
    if (!result.ok) return show(result.error, ['stockLocationId', 'lotId', 'quantity']);
    setGiven(describe(result.value, item.name, item.billable));
    setLotId(FEFO);
    setQuantity('1');
  }

  function describe(result: DispenseResult, name: string, billable: boolean): string {
    const from = result.picks
      .map((pick) =>
        t('DispenseCard.fromLot', {
          quantity: pick.quantity,
          lotNumber: pick.lotNumber,
          context: variant(pick.nearExpiry && 'expiresSoon'),
        }),
      )
      .join(', ');
    const billed = result.invoiceNote ?? (billable && result.invoiceId ? t('DispenseCard.addedToTheVisitS') : '');
    return t('DispenseCard.gave', { name, from, billed }).trim();
  }

  const lotOptions = [
    { value: FEFO, label: t('DispenseCard.firstToExpireFefo') },
    ...lots
      .filter((lot) => lot.stockLocationId === stockLocationId)
      .map((lot) => ({
        value: lot.lotId,
        label: t('DispenseCard.left', {
          lotNumber: lot.lotNumber,
          quantity: lot.quantity,
          expiryOn: lot.expiryOn ? showDate(lot.expiryOn) : '',
          context: variant(lot.expiryOn && 'expires', lot.expired && 'expired'),
        }),
      })),
  ];

  return (
    <section aria-labelledby="dispense-title" className="card">
      <h2 id="dispense-title">{t('DispenseCard.dispense')}</h2>
      <form aria-label={t('DispenseCard.findStockToDispense')} onSubmit={find}>
        <Field
          label={t('DispenseCard.item')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          hint={t('DispenseCard.nameCodeOrScanThen')}
          autoComplete="off"
        />
        <button type="submit">{t('DispenseCard.findItem')}</button>
      </form>
      {query !== null && items.length === 0 && !found.loading && <p>{t('DispenseCard.noItemMatches', { query })}</p>}
      {item && (
        <form
          aria-label={t('DispenseCard.dispense')}
          onSubmit={(event) => {
            event.preventDefault();
            void dispense();
          }}
          noValidate
        >
          {items.length > 1 && (
            <SelectField
              label={t('DispenseCard.whichItem')}
              value={item.id}
              onChange={(event) => setItemId(event.target.value)}
              options={items.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.name} (${candidate.code})`,
              }))}
            />
          )}
          <SelectField
            label={t('DispenseCard.from')}
            value={stockLocationId}
            onChange={(event) => setPlace(event.target.value)}
            options={places.map(([id, name]) => ({ value: id, label: name }))}
            error={errors.fields.stockLocationId}
          />
          <SelectField
            label={t('DispenseCard.lot')}
            value={lotId}
            onChange={(event) => setLotId(event.target.value)}
            options={lotOptions}
            error={errors.fields.lotId}
          />
          <Field
            label={t('DispenseCard.units', { dispensingUnit: item.dispensingUnit })}
            inputMode="numeric"
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            error={errors.fields.quantity}
          />
          <button type="submit">{t('DispenseCard.dispense2', { itemName: item.name })}</button>
        </form>
      )}
      <FormMessage error={errors.form} success={given} />
    </section>
  );
}
