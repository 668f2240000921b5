import { useState, type SyntheticEvent } from 'react';
import type { Recall } from '../../../../src-shared/api/areas/stock';
import type { StockItemSummary } from '../../../../src-shared/stock/model';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { call } from '../../api';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation, variant } from '../../i18n';

/** Which patients got a lot: choose the item, type (or scan) the lot number. */
export function RecallLookup({ items }: { items: StockItemSummary[] }) {
  const { t } = useTranslation('stock');
  const showDate = useCalendarDate();
  const [itemId, setItemId] = useState('');
  const [lotNumber, setLotNumber] = useState('');
  const [recall, setRecall] = useState<Recall | null>(null);
  /** What is wrong as chosen and typed: an item must be chosen, then main's rules for the lookup. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('stock.recall', { itemId, lotNumber: lotNumber.trim() }),
    ...(!itemId && { itemId: t('RecallLookup.chooseTheItem') }),
  });
  const form = useFormErrors({ itemId, lotNumber }, problems);
  const errors = form.errors.fields;

  const look = async (event: SyntheticEvent) => {
    event.preventDefault();
    form.clear();
    setRecall(null);
    const local = problems();
    if (Object.keys(local).length > 0) return form.showProblems(local, ['itemId', 'lotNumber']);
    const result = await call('stock.recall', { itemId, lotNumber: lotNumber.trim() });
    if (result.ok) setRecall(result.value);
    else form.show(result.error, ['itemId', 'lotNumber']);
  };

  return (
    <section aria-labelledby="recall-title">
      <h2 id="recall-title">{t('RecallLookup.recall')}</h2>
      <form aria-label={t('RecallLookup.recall')} onSubmit={(event) => void look(event)}>
        <div className="field">
          <label htmlFor="recall-item">{t('RecallLookup.item')}</label>
          <select
            id="recall-item"
            value={itemId}
            onChange={(event) => setItemId(event.target.value)}
            aria-invalid={errors.itemId ? true : undefined}
            aria-describedby={errors.itemId ? 'recall-item-error' : undefined}
          >
            <option value="">{t('RecallLookup.chooseAnItemFoundAbove')}</option>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.code})
              </option>
            ))}
          </select>
          {errors.itemId && (
            <small id="recall-item-error" className="field-error">
              {errors.itemId}
            </small>
          )}
        </div>
        <Field
          label={t('RecallLookup.lotNumber')}
          value={lotNumber}
          onChange={(event) => setLotNumber(event.target.value)}
          error={errors.lotNumber}
        />
        <button type="submit">{t('RecallLookup.findPatients')}</button>
        <FormMessage error={form.errors.form} />
      </form>
      {recall && (
        <table aria-label={t('RecallLookup.patientsWhoGotLot', { lotNumber: recall.lotNumber })}>
          <caption>
            {t('RecallLookup.lot', {
              lotNumber: recall.lotNumber,
              expiryOn: recall.expiryOn ? showDate(recall.expiryOn) : '',
              count: recall.patients.length,
              context: variant(recall.expiryOn && 'expires'),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('RecallLookup.patient')}</th>
              <th scope="col">{t('RecallLookup.visit')}</th>
              <th scope="col">{t('RecallLookup.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {recall.patients.map((patient) => (
              <tr key={patient.visitId}>
                <td>
                  <a href={`#/patients/${patient.patientId}`}>{patient.patientName}</a>
                </td>
                <td>{showDate(patient.visitDate)}</td>
                <td>{patient.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
