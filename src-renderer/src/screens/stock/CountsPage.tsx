import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/datetime';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { navigate } from '../../hooks/navigation';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { Trans, i18next, useTranslation } from '../../i18n';

const STATUS_LABELS = {
  get open() {
    return i18next.t('stock:CountsPage.open');
  },
  get approved() {
    return i18next.t('stock:CountsPage.approved');
  },
  get cancelled() {
    return i18next.t('stock:CountsPage.cancelled');
  },
} as const;

/** `#/stock/counts`: start a count of a place (a snapshot of every lot there), and the counts so far. */
export function CountsPage() {
  const { t } = useTranslation('stock');
  const clock = useClinicClock();
  const counts = useProcedure('stocktake.list', {}, { refreshOn: { 'stock.changed': true } });
  const setup = useProcedure('stockroom.get', {});
  const places = (setup.value?.locations ?? []).filter((place) => place.active);
  const [place, setPlace] = useState('');
  const stockLocationId = place || (places[0]?.id ?? '');
  const [blind, setBlind] = useState(false);
  const problems = () => draftProblems('stocktake.start', { stockLocationId, blind });
  const { errors, show, showProblems, clear } = useFormErrors({ stockLocationId, blind }, problems);

  async function start(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['stockLocationId']);
    const result = await call('stocktake.start', { stockLocationId, blind });
    if (!result.ok) return show(result.error, ['stockLocationId']);
    navigate(`#/stock/count/${result.value.id}`);
  }

  return (
    <section aria-labelledby="counts-title">
      <p>
        <a href="#/stock">{t('CountsPage.stockRoom')}</a>
      </p>
      <h1 id="counts-title">{t('CountsPage.stockCounts')}</h1>
      <form
        aria-label={t('CountsPage.startACount')}
        className="card"
        onSubmit={(event) => void start(event)}
        noValidate
      >
        <h2>{t('CountsPage.startACount')}</h2>
        <SelectField
          label={t('CountsPage.place')}
          value={stockLocationId}
          onChange={(event) => setPlace(event.target.value)}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.locationName})` }))}
          error={errors.fields.stockLocationId}
        />
        <label className="check">
          <Trans
            t={t}
            i18nKey="CountsPage.blindCountTheSheetHides"
            components={{
              input: <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} />,
            }}
          />
        </label>
        <button type="submit">{t('CountsPage.startCount')}</button>
        <FormMessage error={errors.form} />
      </form>
      <table aria-label={t('CountsPage.counts')}>
        <caption>{t('CountsPage.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('CountsPage.place')}</th>
            <th scope="col">{t('CountsPage.snapshot')}</th>
            <th scope="col">{t('CountsPage.status')}</th>
            <th scope="col">{t('CountsPage.counted')}</th>
            <th scope="col">{t('CountsPage.startedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.value?.length === 0 && (
            <tr>
              <td colSpan={5}>{t('CountsPage.noCountsYet')}</td>
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
              <td>{t('CountsPage.ofLots', { counted: count.counted, lines: count.lines })}</td>
              <td>{count.startedBy ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
