import { useState, type SyntheticEvent } from 'react';
import type { LotBalance } from '../../../../src-shared/stock/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { lotChoice, splitLotChoice, typedUnits } from './units-text';
import { i18next, useTranslation } from '../../i18n';

type Correction = 'adjust' | 'expire' | 'destroy';

const CORRECTIONS: { value: Correction; label: string }[] = [
  {
    value: 'adjust',
    get label() {
      return i18next.t('stock:AdjustForm.adjustFoundOrMissingUnits');
    },
  },
  {
    value: 'expire',
    get label() {
      return i18next.t('stock:AdjustForm.writeOffAsExpired');
    },
  },
  {
    value: 'destroy',
    get label() {
      return i18next.t('stock:AdjustForm.writeOffAsDamagedOr');
    },
  },
];

/**
 * Corrects what a lot holds at a place: an adjustment adds (+3) or takes away (−2) units with a reason;
 * a write-off takes expired or spoilt units out. Each posts a movement; nothing is ever edited.
 */
export function AdjustForm({ lots }: { lots: readonly LotBalance[] }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  const choices = lots.map((lot) => lotChoice(lot, showDate(lot.expiryOn)));
  const [lot, setLot] = useState(choices[0]?.value ?? '');
  const [kind, setKind] = useState<Correction>('adjust');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { lotId, stockLocationId } = splitLotChoice(lot);
  const units = typedUnits(quantity.replace('\u2212', '-'));
  const adjustment = (): Input<'stock.adjust'> => ({ lotId, stockLocationId, quantity: units, reason });
  const writeOff = (as: Exclude<Correction, 'adjust'>): Input<'stock.writeOff'> => ({
    lotId,
    stockLocationId,
    quantity: units,
    kind: as,
    reason: reason.trim() === '' ? null : reason,
  });
  const { errors, show, clear } = useFormErrors({ lotId: lot, quantity, reason }, () =>
    kind === 'adjust' ? draftProblems('stock.adjust', adjustment()) : draftProblems('stock.writeOff', writeOff(kind)),
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const result =
      kind === 'adjust' ? await call('stock.adjust', adjustment()) : await call('stock.writeOff', writeOff(kind));
    if (!result.ok) return show(result.error, ['lotId', 'stockLocationId', 'quantity', 'reason']);
    setDone(kind === 'adjust' ? t('AdjustForm.adjustedBy', { units }) : t('AdjustForm.wroteOff', { units }));
    setQuantity('');
    setReason('');
  }

  if (choices.length === 0) return null;
  return (
    <form
      aria-label={t('AdjustForm.adjustStock')}
      className="card stock-form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('AdjustForm.adjustOrWriteOff')}</h2>
      <SelectField
        label={t('AdjustForm.lotAndPlace')}
        value={lot}
        onChange={(event) => setLot(event.target.value)}
        options={choices}
        error={errors.fields.lotId ?? errors.fields.stockLocationId}
      />
      <SelectField
        label={t('AdjustForm.what')}
        value={kind}
        onChange={(event) => setKind(event.target.value as Correction)}
        options={CORRECTIONS}
      />
      <Field
        label={t('AdjustForm.units')}
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={errors.fields.quantity}
        hint={kind === 'adjust' ? t('AdjustForm.addWithANumber3') : t('AdjustForm.unitsLeavingStock')}
      />
      <Field
        label={t('AdjustForm.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
        hint={kind === 'adjust' ? t('AdjustForm.requiredWhatHappened') : t('AdjustForm.optional')}
      />
      <button type="submit">{kind === 'adjust' ? t('AdjustForm.adjust') : t('AdjustForm.writeOff')}</button>
      <FormMessage error={errors.form} success={done} />
    </form>
  );
}
