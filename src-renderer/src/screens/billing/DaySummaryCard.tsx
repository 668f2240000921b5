import { useState, type SyntheticEvent } from 'react';
import type { DaySummary } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { MethodTotalsTable } from './MethodTotalsTable';
import { useTranslation } from '../../i18n';

/** A date's takings across every desk: drawers, still open, over/short, and by method. */
export function DaySummaryCard({ today, money }: { today: string; money: MoneyFormat }) {
  const { t } = useTranslation('billing');
  const [date, setDate] = useState(today);
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const problems = () => draftProblems('drawers.daySummary', { date });
  const { errors, show, showProblems, clear } = useFormErrors({ date }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['date']);
    const result = await call('drawers.daySummary', { date });
    if (!result.ok) return show(result.error, ['date']);
    setSummary(result.value);
  }

  return (
    <section className="card billing-card wide-card" aria-labelledby="day-title">
      <h2 id="day-title">{t('DaySummaryCard.theDayAcrossDesks')}</h2>
      <form
        className="billing-fields billing-fields-inline"
        aria-label={t('DaySummaryCard.daySummary')}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <DateField
          label={t('DaySummaryCard.date')}
          value={date}
          onChange={(value) => setDate(value)}
          error={errors.fields.date}
        />
        <div className="field">
          <button type="submit">{t('DaySummaryCard.showTheDay')}</button>
        </div>
      </form>
      <FormMessage error={errors.form} />
      {summary && (
        <>
          <table className="ledger" aria-label={t('DaySummaryCard.desks')}>
            <thead>
              <tr>
                <th scope="col">{t('DaySummaryCard.desk')}</th>
                <th scope="col" className="num">
                  {t('DaySummaryCard.drawers')}
                </th>
                <th scope="col" className="num">
                  {t('DaySummaryCard.stillOpen')}
                </th>
                <th scope="col" className="num">
                  {t('DaySummaryCard.overShort')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.desks.map((desk) => (
                <tr key={desk.deskId}>
                  <td>{desk.deskName}</td>
                  <td className="num">{desk.drawers}</td>
                  <td className="num">{desk.open}</td>
                  <td className="num">{formatMoney(desk.overShortMinor, money)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MethodTotalsTable rows={summary.byMethod} money={money} label={t('DaySummaryCard.theDayByMethod')} />
          <p>{t('DaySummaryCard.net', { netMinor: formatMoney(summary.netMinor, money) })}</p>
        </>
      )}
    </section>
  );
}
