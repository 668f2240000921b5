import { useState, type SyntheticEvent } from 'react';
import type { LotBalance } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { useFormErrors } from '../../hooks/useFormErrors';
import { lotChoice, splitLotChoice, typedUnits } from './units-text';

type Correction = 'adjust' | 'expire' | 'destroy';

const CORRECTIONS: { value: Correction; label: string }[] = [
  { value: 'adjust', label: 'Adjust (found or missing units)' },
  { value: 'expire', label: 'Write off as expired' },
  { value: 'destroy', label: 'Write off as damaged or spoilt' },
];

/**
 * Corrects what a lot holds at a place: an adjustment adds (+3) or takes away (−2) units with a reason;
 * a write-off takes expired or spoilt units out. Each posts a movement; nothing is ever edited.
 */
export function AdjustForm({ lots }: { lots: readonly LotBalance[] }) {
  const showDate = useCalendarDate();
  const choices = lots.map((lot) => lotChoice(lot, showDate(lot.expiryOn)));
  const [lot, setLot] = useState(choices[0]?.value ?? '');
  const [kind, setKind] = useState<Correction>('adjust');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors({ lotId: lot, quantity, reason });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const { lotId, stockLocationId } = splitLotChoice(lot);
    const units = typedUnits(quantity.replace('\u2212', '-'));
    const result =
      kind === 'adjust'
        ? await call('stock.adjust', { lotId, stockLocationId, quantity: units, reason })
        : await call('stock.writeOff', {
            lotId,
            stockLocationId,
            quantity: units,
            kind,
            reason: reason.trim() === '' ? null : reason,
          });
    if (!result.ok) return show(result.error, ['lotId', 'stockLocationId', 'quantity', 'reason']);
    setDone(kind === 'adjust' ? `Adjusted by ${units}.` : `Wrote off ${units}.`);
    setQuantity('');
    setReason('');
  }

  if (choices.length === 0) return null;
  return (
    <form aria-label="Adjust stock" className="card stock-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>Adjust or write off</h2>
      <SelectField
        label="Lot and place"
        value={lot}
        onChange={(event) => setLot(event.target.value)}
        options={choices}
        error={errors.fields.lotId ?? errors.fields.stockLocationId}
      />
      <SelectField
        label="What"
        value={kind}
        onChange={(event) => setKind(event.target.value as Correction)}
        options={CORRECTIONS}
      />
      <Field
        label="Units"
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={errors.fields.quantity}
        hint={kind === 'adjust' ? 'Add with a number (3), take away with a minus (-2).' : 'Units leaving stock.'}
      />
      <Field
        label="Reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
        hint={kind === 'adjust' ? 'Required: what happened.' : 'Optional.'}
      />
      <button type="submit">{kind === 'adjust' ? 'Adjust' : 'Write off'}</button>
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
