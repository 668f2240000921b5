import { useState, type SyntheticEvent } from 'react';
import type { StockSetup } from '../../../../src-shared/api/areas/stockroom';
import type { LotBalance } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { lotChoice, splitLotChoice, typedUnits } from './units-text';
import { useTranslation } from '../../i18n';

/** Moves units of one lot from one place to another (the stock room to the nurse station's fridge). */
export function TransferForm({ lots, setup }: { lots: readonly LotBalance[]; setup: StockSetup }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  const choices = lots.filter((lot) => lot.quantity > 0).map((lot) => lotChoice(lot, showDate(lot.expiryOn)));
  const [lot, setLot] = useState(choices[0]?.value ?? '');
  const from = splitLotChoice(lot);
  const places = setup.locations.filter((place) => place.active && place.id !== from.stockLocationId);
  const [to, setTo] = useState('');
  const toPlace = places.some((place) => place.id === to) ? to : (places[0]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const input = (): Input<'stock.transfer'> => ({
    lotId: from.lotId,
    fromStockLocationId: from.stockLocationId,
    toStockLocationId: toPlace,
    quantity: typedUnits(quantity),
    reason: reason.trim() === '' ? null : reason,
  });
  const { errors, show, clear } = useFormErrors({ lotId: lot, toStockLocationId: toPlace, quantity, reason }, () =>
    draftProblems('stock.transfer', input()),
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const result = await call('stock.transfer', input());
    if (!result.ok) return show(result.error, ['lotId', 'toStockLocationId', 'quantity', 'reason']);
    const placeName = setup.locations.find((place) => place.id === toPlace)?.name ?? '';
    setDone(t('TransferForm.movedTo', { quantity: typedUnits(quantity), placeName }));
    setQuantity('');
    setReason('');
  }

  if (choices.length === 0) return null;
  return (
    <form
      aria-label={t('TransferForm.transferStock')}
      className="card stock-form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('TransferForm.transfer')}</h2>
      <SelectField
        label={t('TransferForm.lotAndPlace')}
        value={lot}
        onChange={(event) => setLot(event.target.value)}
        options={choices}
        error={errors.fields.lotId ?? errors.fields.fromStockLocationId}
      />
      <SelectField
        label={t('TransferForm.to')}
        value={toPlace}
        onChange={(event) => setTo(event.target.value)}
        options={places.map((place) => ({ value: place.id, label: `${place.name} (${place.locationName})` }))}
        error={errors.fields.toStockLocationId}
      />
      <Field
        label={t('TransferForm.units')}
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={errors.fields.quantity}
      />
      <Field
        label={t('TransferForm.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        hint={t('TransferForm.optional')}
      />
      <button type="submit">{t('TransferForm.transfer')}</button>
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
