import { useState, type SyntheticEvent } from 'react';
import type { Recall } from '../../../../src-shared/api/areas/stock';
import type { StockItemSummary } from '../../../../src-shared/stock/model';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { call } from '../../api';

/** Which patients got a lot: choose the item, type (or scan) the lot number. */
export function RecallLookup({ items }: { items: StockItemSummary[] }) {
  const showDate = useCalendarDate();
  const [itemId, setItemId] = useState('');
  const [lotNumber, setLotNumber] = useState('');
  const [recall, setRecall] = useState<Recall | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const look = async (event: SyntheticEvent) => {
    event.preventDefault();
    setErrors({});
    setError(null);
    setRecall(null);
    if (!itemId) {
      setErrors({ itemId: 'choose the item' });
      return;
    }
    const result = await call('stock.recall', { itemId, lotNumber: lotNumber.trim() });
    if (result.ok) setRecall(result.value);
    else if (result.error.details?.fields) setErrors(result.error.details.fields);
    else setError(result.error.message);
  };

  return (
    <section aria-labelledby="recall-title">
      <h2 id="recall-title">Recall</h2>
      <form aria-label="Recall" onSubmit={(event) => void look(event)}>
        <div className="field">
          <label htmlFor="recall-item">Item</label>
          <select
            id="recall-item"
            value={itemId}
            onChange={(event) => setItemId(event.target.value)}
            aria-invalid={errors.itemId ? true : undefined}
            aria-describedby={errors.itemId ? 'recall-item-error' : undefined}
          >
            <option value="">Choose an item found above</option>
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
          label="Lot number"
          value={lotNumber}
          onChange={(event) => setLotNumber(event.target.value)}
          error={errors.lotNumber}
        />
        <button type="submit">Find patients</button>
        <FormMessage error={error} />
      </form>
      {recall && (
        <table aria-label={`Patients who got lot ${recall.lotNumber}`}>
          <caption>
            Lot {recall.lotNumber}
            {recall.expiryOn ? `, expires ${showDate(recall.expiryOn)}` : ''}: {recall.patients.length}{' '}
            {recall.patients.length === 1 ? 'patient' : 'patients'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Visit</th>
              <th scope="col">Quantity</th>
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
