import { useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { StockSetup } from '../../../../src-shared/api/areas/stockroom';
import type { StockItem } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { readAmount } from '../billing/money-field';
import { typedUnits } from './units-text';
import { unitsOf } from '../../format/units';
import { useTranslation } from '../../i18n';

const SHOWN = ['stockLocationId', 'lotNumber', 'expiryOn', 'quantity', 'unitCostMinor'];

/**
 * Receives a delivery of one item into a place: lot, expiry, units (or packs × the pack size), cost and
 * supplier. A keyboard-wedge scanner types a GS1 string and Enter into "Scan": its lot and expiry fill in.
 */
export function ReceiveForm({ item, setup }: { item: StockItem; setup: StockSetup }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  const places = setup.locations.filter((place) => place.active);
  const [stockLocationId, setStockLocationId] = useState(places[0]?.id ?? '');
  const [scan, setScan] = useState('');
  const [lotNumber, setLotNumber] = useState('');
  const [expiryOn, setExpiryOn] = useState('');
  const [packs, setPacks] = useState('');
  const [quantity, setQuantity] = useState('');
  const [cost, setCost] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const values = { stockLocationId, lotNumber, expiryOn, quantity, unitCostMinor: cost, supplierId, scan };
  const typedCost = readAmount(cost, setup.money, { optional: true });
  const input = (): Input<'stock.receive'> => ({
    itemId: item.id,
    stockLocationId,
    lotNumber,
    expiryOn: expiryOn === '' ? null : expiryOn,
    quantity: typedUnits(quantity),
    unitCostMinor: typedCost.minor ?? null,
    supplierId: supplierId === '' ? null : supplierId,
  });
  /** What is wrong as typed: the cost as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('stock.receive', input()),
    ...(typedCost.problem && { unitCostMinor: typedCost.problem }),
  });
  const { errors, show, showProblems, clear, setField } = useFormErrors(values, problems);

  async function readScan(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    // The scanner's Enter ends the scan, not the form.
    event.preventDefault();
    const answer = await call('stock.scan', { text: scan });
    if (!answer.ok) return show(answer.error, ['scan']);
    if (answer.value.item && answer.value.item.id !== item.id) {
      return setField('scan', t('ReceiveForm.isNot', { itemName: answer.value.item.name, itemName2: item.name }));
    }
    if (answer.value.lotNumber) setLotNumber(answer.value.lotNumber);
    if (answer.value.expiryOn) setExpiryOn(answer.value.expiryOn);
    setDone(
      t('ReceiveForm.scannedLotExpires', {
        lotNumber: answer.value.lotNumber ?? '—',
        expiryOn: showDate(answer.value.expiryOn) || '—',
      }),
    );
  }

  function typePacks(text: string) {
    setPacks(text);
    const count = typedUnits(text);
    if (Number.isInteger(count) && count > 0) setQuantity(String(count * item.packSize));
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, SHOWN);
    const result = await call('stock.receive', input());
    if (!result.ok) return show(result.error, SHOWN);
    setDone(t('ReceiveForm.receivedLot', { units: unitsOf(typedUnits(quantity), item.dispensingUnit), lotNumber }));
    setLotNumber('');
    setExpiryOn('');
    setPacks('');
    setQuantity('');
    setScan('');
  }

  return (
    <form
      aria-label={t('ReceiveForm.receiveStock')}
      className="card stock-form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('ReceiveForm.receive')}</h2>
      <Field
        label={t('ReceiveForm.scan')}
        value={scan}
        onChange={(event) => setScan(event.target.value)}
        onKeyDown={(event) => void readScan(event)}
        error={errors.fields.scan}
        hint={t('ReceiveForm.scanTheBoxSBarcode')}
        autoComplete="off"
      />
      <SelectField
        label={t('ReceiveForm.into')}
        value={stockLocationId}
        onChange={(event) => setStockLocationId(event.target.value)}
        options={places.map((place) => ({ value: place.id, label: `${place.name} (${place.locationName})` }))}
        error={errors.fields.stockLocationId}
      />
      <Field
        label={t('ReceiveForm.lotNumber')}
        value={lotNumber}
        onChange={(event) => setLotNumber(event.target.value)}
        error={errors.fields.lotNumber}
      />
      <DateField
        label={t('ReceiveForm.expiry')}
        value={expiryOn}
        onChange={setExpiryOn}
        error={errors.fields.expiryOn}
      />
      {item.packSize > 1 && (
        <Field
          label={t('ReceiveForm.packs')}
          inputMode="numeric"
          value={packs}
          onChange={(event) => typePacks(event.target.value)}
          hint={t('ReceiveForm.aPackIs', { units: unitsOf(item.packSize, item.dispensingUnit) })}
        />
      )}
      <Field
        label={t('ReceiveForm.units', { dispensingUnit: item.dispensingUnit })}
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={errors.fields.quantity}
      />
      <Field
        label={t('ReceiveForm.unitCost')}
        inputMode="decimal"
        value={cost}
        onChange={(event) => setCost(event.target.value)}
        error={errors.fields.unitCostMinor}
        hint={t('ReceiveForm.optionalTheItemSUsual')}
      />
      <SelectField
        label={t('ReceiveForm.supplier')}
        value={supplierId}
        onChange={(event) => setSupplierId(event.target.value)}
        options={[
          { value: '', label: t('ReceiveForm.notRecorded') },
          ...setup.suppliers.filter((supplier) => supplier.active).map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <button type="submit">{t('ReceiveForm.receive')}</button>
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
