import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { AGEING_BUCKETS, type AgeingAmounts } from '../../../../src-shared/billing/ageing';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { BillingLinks } from './BillingLinks';
import { readAmount } from './money-field';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';

/** `#/billing/ageing`: what patients and payers owe by age, and a batch of statements for everyone owing more than an amount. */
export function AgeingScreen() {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  const { value: ageing, error: refusal } = useProcedure('accounts.ageing', { limit: 200 });
  const error = refusal?.message ?? null;

  return (
    <section className="ageing" aria-labelledby="ageing-title">
      <h1 id="ageing-title">{t('AgeingScreen.aRAgeing')}</h1>
      <BillingLinks current="ageing" />
      <FormMessage error={error} />
      {ageing && (
        <>
          <p className="lead">{t('AgeingScreen.asOfDaysSinceEach', { asOf: showDate(ageing.asOf) })}</p>
          <AgeingTable
            label={t('AgeingScreen.byPatient')}
            money={ageing.money}
            rows={ageing.byPatient.rows.map((row) => ({
              key: row.patientId,
              name: (
                <a href={billingHref.account(row.patientId)}>
                  {row.name} <span className="sub">{row.mrn}</span>
                </a>
              ),
              buckets: row.buckets,
              total: row.totalMinor,
            }))}
            totals={ageing.byPatient.totals}
            total={ageing.byPatient.totalMinor}
          />
          <AgeingTable
            label={t('AgeingScreen.byPayer')}
            money={ageing.money}
            rows={ageing.byPayer.rows.map((row) => ({
              key: row.payer,
              name: row.payer,
              buckets: row.buckets,
              total: row.totalMinor,
            }))}
            totals={ageing.byPayer.totals}
            total={ageing.byPayer.totalMinor}
          />
          <StatementBatch money={ageing.money} />
        </>
      )}
    </section>
  );
}

interface AgeingRowView {
  key: string;
  name: ReactNode;
  buckets: AgeingAmounts;
  total: number;
}

function AgeingTable(props: {
  label: string;
  money: MoneyFormat;
  rows: AgeingRowView[];
  totals: AgeingAmounts;
  total: number;
}) {
  const { t } = useTranslation('billing');
  const { money } = props;
  return (
    <table className="ledger" aria-label={props.label}>
      <caption className="visually-hidden">{props.label}</caption>
      <thead>
        <tr>
          <th scope="col">{props.label}</th>
          {AGEING_BUCKETS.map((bucket) => (
            <th key={bucket} scope="col" className="num">
              {t('AgeingScreen.days', { bucket })}
            </th>
          ))}
          <th scope="col" className="num">
            {t('AgeingScreen.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <td>{row.name}</td>
            {AGEING_BUCKETS.map((bucket) => (
              <td key={bucket} className="num">
                {formatMoney(row.buckets[bucket], money)}
              </td>
            ))}
            <td className="num">{formatMoney(row.total, money)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('AgeingScreen.all')}</th>
          {AGEING_BUCKETS.map((bucket) => (
            <td key={bucket} className="num">
              {formatMoney(props.totals[bucket], money)}
            </td>
          ))}
          <td className="num">{formatMoney(props.total, money)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function StatementBatch({ money }: { money: MoneyFormat }) {
  const { t } = useTranslation('billing');
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const today = todayIn(zone, Date.now());
  const [minimum, setMinimum] = useState('0.01');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [done, setDone] = useState<string | null>(null);
  const typed = readAmount(minimum, money);
  const input = () => ({ minBalanceMinor: typed.minor ?? 0, from, to, limit: 200 });
  /** What is wrong as typed: the minimum as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('statements.batch', input()),
    ...(typed.problem && { minBalanceMinor: typed.problem }),
  });
  const { errors, show, showProblems, clear } = useFormErrors({ minBalanceMinor: minimum, from, to }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['minBalanceMinor', 'from', 'to']);
    const result = await call('statements.batch', input());
    if (!result.ok) return show(result.error, ['minBalanceMinor', 'from', 'to']);
    if (result.value.patients.length > 0) savePdf(result.value.pdf);
    setDone(
      `${result.value.patients.length} ${result.value.patients.length === 1 ? 'statement' : 'statements'}${result.value.more ? t('AgeingScreen.theLargest200MoreOwe') : ''} saved.`,
    );
  }

  return (
    <form
      className="card billing-card"
      aria-label={t('AgeingScreen.statementBatch')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2>{t('AgeingScreen.statementsForEveryoneOwing')}</h2>
      <div className="billing-fields">
        <Field
          label={t('AgeingScreen.owingAtLeast', { currency: money.currency })}
          inputMode="decimal"
          value={minimum}
          onChange={(event) => setMinimum(event.target.value)}
          error={errors.fields.minBalanceMinor}
        />
        <DateField
          label={t('AgeingScreen.from')}
          value={from}
          onChange={(value) => setFrom(value)}
          error={errors.fields.from}
        />
        <DateField
          label={t('AgeingScreen.to')}
          value={to}
          onChange={(value) => setTo(value)}
          error={errors.fields.to}
        />
      </div>
      <FormMessage error={errors.form} success={done} />
      <button type="submit" className="primary">
        {t('AgeingScreen.saveStatementsPdf')}
      </button>
    </form>
  );
}
