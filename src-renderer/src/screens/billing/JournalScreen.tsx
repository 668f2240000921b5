import { useEffect, useState, type SyntheticEvent } from 'react';
import { PAYMENT_METHOD_KINDS, type PaymentMethodKind } from '../../../../src-shared/billing/reason-codes';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { BillingLinks } from './BillingLinks';
import { MethodTotalsTable } from './MethodTotalsTable';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';
import { useTranslation, variant } from '../../i18n';

const isKind = (value: string): value is PaymentMethodKind =>
  (PAYMENT_METHOD_KINDS as readonly string[]).includes(value);

/**
 * `#/billing/journal`: payments, refunds and reversals by the dates they count for. Dates and method
 * are asked of main; desk and user narrow the answer here (the journal names them, and the desk
 * cannot list staff without the users permission).
 */
export function JournalScreen() {
  const { t } = useTranslation('billing');
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const today = todayIn(zone, Date.now());
  const { setup } = useBillingSetup();
  const [filters, setFilters] = useState({ from: today, to: today, methodKind: '', desk: '', user: '' });
  /** The question the filters ask of main: dates and method (desk and user narrow the answer here). */
  const question = (asking: { from: string; to: string; methodKind: string }) => ({
    from: asking.from,
    to: asking.to,
    ...(isKind(asking.methodKind) && { methodKind: asking.methodKind }),
    limit: 1000,
  });
  const problems = () => draftProblems('payments.journal', question(filters));
  const { errors, show, showProblems, clear } = useFormErrors(filters, problems);
  // Dates and method as last asked with "Show" (today's on the way in).
  const [asked, setAsked] = useState({ from: filters.from, to: filters.to, methodKind: filters.methodKind });
  const read = useProcedure('payments.journal', question(asked));
  const journal = read.value;
  // A refusal goes beside the filters it names, as the answer to the dates asked (cleared by the next answer).
  useEffect(() => {
    if (read.error) show(read.error, ['from', 'to', 'methodKind']);
    else clear();
  }, [read.error]);

  function load() {
    // Dates main would refuse are refused here in its words, and not asked.
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['from', 'to', 'methodKind']);
    const next = { from: filters.from, to: filters.to, methodKind: filters.methodKind };
    if (JSON.stringify(next) === JSON.stringify(asked)) read.reload();
    else setAsked(next);
  }

  const money: MoneyFormat | null = setup?.settings.money ?? null;
  const rows = (journal?.rows ?? []).filter(
    (row) => (!filters.desk || row.deskName === filters.desk) && (!filters.user || row.enteredBy === filters.user),
  );
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const set = (key: keyof typeof filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });

  return (
    <section className="journal" aria-labelledby="journal-title">
      <h1 id="journal-title">{t('JournalScreen.paymentsJournal')}</h1>
      <BillingLinks current="journal" />
      <form
        className="filters"
        aria-label={t('JournalScreen.journalFilters')}
        noValidate
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          load();
        }}
      >
        <DateField
          label={t('JournalScreen.from')}
          value={filters.from}
          onChange={(value) => setFilters({ ...filters, from: value })}
          error={errors.fields.from}
        />
        <DateField
          label={t('JournalScreen.to')}
          value={filters.to}
          onChange={(value) => setFilters({ ...filters, to: value })}
          error={errors.fields.to}
        />
        <SelectField
          label={t('JournalScreen.method')}
          value={filters.methodKind}
          options={[
            { value: '', label: t('JournalScreen.allMethods') },
            ...PAYMENT_METHOD_KINDS.map((k) => ({ value: k, label: k })),
          ]}
          onChange={set('methodKind')}
        />
        <SelectField
          label={t('JournalScreen.desk')}
          value={filters.desk}
          options={[
            { value: '', label: t('JournalScreen.allDesks') },
            ...distinct((journal?.rows ?? []).map((r) => r.deskName)).map((d) => ({ value: d, label: d })),
          ]}
          onChange={set('desk')}
        />
        <SelectField
          label={t('JournalScreen.enteredBy')}
          value={filters.user}
          options={[
            { value: '', label: t('JournalScreen.everyone') },
            ...distinct((journal?.rows ?? []).map((r) => r.enteredBy)).map((u) => ({ value: u, label: u })),
          ]}
          onChange={set('user')}
        />
        <button type="submit" className="primary">
          {t('JournalScreen.show')}
        </button>
      </form>
      <FormMessage error={errors.form} />
      {journal && money && (
        <>
          <p>
            {t('JournalScreen.netFromToTotalsOver', {
              netMinor: formatMoney(journal.netMinor, money),
              from: journal.from,
              to: journal.to,
              methodKind: filters.methodKind ?? '',
              context: variant(filters.methodKind && 'method'),
            })}
          </p>
          <MethodTotalsTable rows={journal.byMethod} money={money} label={t('JournalScreen.totalsByMethod')} />
          <table className="ledger" aria-label={t('JournalScreen.journal')}>
            <thead>
              <tr>
                <th scope="col">{t('JournalScreen.countsFor')}</th>
                <th scope="col">{t('JournalScreen.kind')}</th>
                <th scope="col">{t('JournalScreen.patient')}</th>
                <th scope="col">{t('JournalScreen.method')}</th>
                <th scope="col" className="num">
                  {t('JournalScreen.amount')}
                </th>
                <th scope="col">{t('JournalScreen.desk')}</th>
                <th scope="col">{t('JournalScreen.by')}</th>
                <th scope="col">{t('JournalScreen.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.id}`}>
                  <td>{row.countsFor}</td>
                  <td>{row.kind}</td>
                  <td>
                    <a href={billingHref.account(row.patientId)}>{row.patientName}</a>
                  </td>
                  <td>
                    {row.methodName ?? '—'}
                    {row.reference && <span className="sub">{row.reference}</span>}
                  </td>
                  <td className="num">
                    {formatMoney(row.kind === 'payment' ? row.amountMinor : -row.amountMinor, money)}
                  </td>
                  <td>{row.deskName ?? '—'}</td>
                  <td>{row.enteredBy ?? '—'}</td>
                  <td>{row.reason ?? ''}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    {t('JournalScreen.nothingInTheseDates')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
