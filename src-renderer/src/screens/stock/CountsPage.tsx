import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/datetime';
import { navigate } from '../../hooks/navigation';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';

const STATUS_LABELS = { open: 'Open', approved: 'Approved', cancelled: 'Cancelled' } as const;

/** `#/stock/counts`: start a count of a place (a snapshot of every lot there), and the counts so far. */
export function CountsPage() {
  const clock = useClinicClock();
  const counts = useProcedure('stocktake.list', {}, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {});
  const places = (setup.value?.locations ?? []).filter((place) => place.active);
  const [place, setPlace] = useState('');
  const stockLocationId = place || (places[0]?.id ?? '');
  const [blind, setBlind] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  async function start(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    const result = await call('stocktake.start', { stockLocationId, blind });
    if (!result.ok) {
      const field = result.error.details?.fields?.stockLocationId;
      return setError(
        field ? { field: 'stockLocationId', message: field } : { field: null, message: result.error.message },
      );
    }
    navigate(`#/stock/count/${result.value.id}`);
  }

  return (
    <section aria-labelledby="counts-title">
      <p>
        <a href="#/stock">← Stock room</a>
      </p>
      <h1 id="counts-title">Stock counts</h1>
      <form aria-label="Start a count" className="card" onSubmit={(event) => void start(event)} noValidate>
        <h2>Start a count</h2>
        <SelectField
          label="Place"
          value={stockLocationId}
          onChange={(event) => {
            setPlace(event.target.value);
            setError(null);
          }}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.locationName})` }))}
          error={error?.field ? error.message : undefined}
        />
        <label className="check">
          <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} /> Blind count
          (the sheet hides what the books say until it is approved)
        </label>
        <button type="submit">Start count</button>
        <FormMessage error={error && !error.field ? error.message : null} />
      </form>
      <table aria-label="Counts">
        <caption>Counts</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Snapshot</th>
            <th scope="col">Status</th>
            <th scope="col">Counted</th>
            <th scope="col">Started by</th>
          </tr>
        </thead>
        <tbody>
          {counts.value?.length === 0 && (
            <tr>
              <td colSpan={5}>No counts yet.</td>
            </tr>
          )}
          {counts.value?.map((count) => (
            <tr key={count.id}>
              <td>
                <a href={`#/stock/count/${count.id}`}>{count.stockLocationName}</a>
                {count.blind ? ' (blind)' : ''}
              </td>
              <td>{formatDateTime(count.snapshotAt, clock)}</td>
              <td>{STATUS_LABELS[count.status]}</td>
              <td>
                {count.counted} of {count.lines} lots
              </td>
              <td>{count.startedBy ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
