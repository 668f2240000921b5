import { useState, type SyntheticEvent } from 'react';
import type { DrawerState, ZReport } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { useProcedure } from '../../hooks/useProcedure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { todayIn } from '../../../../src-shared/patients/dates';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { BillingLinks } from './BillingLinks';
import { DaySummaryCard } from './DaySummaryCard';
import { DrawerCount } from './DrawerCount';
import { MethodTotalsTable } from './MethodTotalsTable';
import { amountText, readAmount } from './money-field';
import { ZReportView } from './ZReportView';
import { useCalendarDate } from '../../format/calendar-date';
import { Trans, useTranslation, variant } from '../../i18n';

/** `#/billing`: this desk's cash drawer — open with a float, takings so far, count and close, the Z-report. */
export function DrawerScreen() {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  const drawerRead = useProcedure(
    'drawers.current',
    {},
    { refreshOn: { 'billing.changed': (event) => event.kind === 'payment' || event.kind === 'drawer' } },
  );
  const { value: state, error } = drawerRead;
  const load = drawerRead.reload;
  const [report, setReport] = useState<ZReport | null>(null);
  const canClose = useSession((s) => s.can('billing:close'));
  const zone = useClinicSettings((s) => s.settings?.timeZone) ?? 'UTC';

  async function showLast() {
    if (!state?.lastClosed) return;
    const result = await call('drawers.zReport', { drawerId: state.lastClosed.id });
    if (result.ok) setReport(result.value);
  }

  if (error) return <ErrorMessage error={error} area={t('DrawerScreen.theDrawer')} />;
  if (!state) return <p>{t('DrawerScreen.loadingTheDrawer')}</p>;
  const { drawer, money } = state;
  return (
    <section className="drawer" aria-labelledby="drawer-title">
      <div className="section-head">
        <div>
          <h1 id="drawer-title">{t('DrawerScreen.billingThisDeskSDrawer')}</h1>
          <p className="lead">
            {t('DrawerScreen.invoicesNumberedNext', {
              deskName: state.desk.name,
              nextNumber: state.desk.nextNumber,
              businessDate: drawer ? showDate(drawer.businessDate) : '',
              floatMinor: drawer ? formatMoney(drawer.floatMinor, money) : '',
              context: variant(drawer && 'open'),
            })}
          </p>
        </div>
      </div>
      <BillingLinks current="drawer" />
      {!drawer && canClose && <OpenDrawer state={state} onOpened={load} />}
      {drawer && (
        <div className="checkout-columns">
          <section className="card billing-card wide-card" aria-labelledby="takings-title">
            <h2 id="takings-title">{t('DrawerScreen.currentTakings')}</h2>
            <p>
              <Trans
                t={t}
                i18nKey="DrawerScreen.cashExpectedInTheDrawer"
                values={{ expectedCashMinor: formatMoney(drawer.expectedCashMinor, money) }}
                components={{ strong: <strong /> }}
              />
            </p>
            <MethodTotalsTable rows={drawer.byMethod} money={money} label={t('DrawerScreen.takingsByMethod')} />
          </section>
          {canClose && (
            <section className="card billing-card" aria-labelledby="count-title">
              <h2 id="count-title">{t('DrawerScreen.countAndClose')}</h2>
              <DrawerCount
                state={state}
                onClosed={(closed) => {
                  setReport(closed);
                  load();
                }}
              />
            </section>
          )}
        </div>
      )}
      {report ? (
        <ZReportView report={report} />
      ) : (
        state.lastClosed && (
          <button type="button" onClick={() => void showLast()}>
            {t('DrawerScreen.showTheLastZReport', { businessDate: showDate(state.lastClosed.businessDate) })}
          </button>
        )
      )}
      <DaySummaryCard today={todayIn(zone, Date.now())} money={money} />
    </section>
  );
}

function OpenDrawer({ state, onOpened }: { state: DrawerState; onOpened: (state: DrawerState) => void }) {
  const { t } = useTranslation('billing');
  const [float, setFloat] = useState(amountText(10_000, state.money));
  const [busy, setBusy] = useState(false);
  const typed = readAmount(float, state.money);
  /** What is wrong as typed: the float as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> =>
    typed.problem
      ? { floatMinor: t('DrawerScreen.float', { problem: typed.problem }) }
      : draftProblems('drawers.open', { floatMinor: typed.minor ?? 0 });
  const { errors, show, showProblems, clear } = useFormErrors({ floatMinor: float }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['floatMinor']);
    setBusy(true);
    const result = await call('drawers.open', { floatMinor: typed.minor ?? 0 });
    setBusy(false);
    if (!result.ok) return show(result.error, ['floatMinor']);
    onOpened(result.value);
  }

  return (
    <form
      className="card"
      aria-label={t('DrawerScreen.openDrawer')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Field
        label={t('DrawerScreen.float2', { currency: state.money.currency })}
        inputMode="decimal"
        value={float}
        onChange={(event) => setFloat(event.target.value)}
        error={errors.fields.floatMinor}
        hint={t('DrawerScreen.theCashPutInThe')}
        autoFocus
      />
      <FormMessage error={errors.form} />
      <button type="submit" className="primary" disabled={busy}>
        {t('DrawerScreen.openDrawer')}
      </button>
    </form>
  );
}
