import { useState, type SyntheticEvent } from 'react';
import type { DrawerState, ZReport } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { useProcedure } from '../../hooks/useProcedure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
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

/** `#/billing`: this desk's cash drawer — open with a float, takings so far, count and close, the Z-report. */
export function DrawerScreen() {
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

  if (error) return <ErrorMessage error={error} area="the drawer" />;
  if (!state) return <p>Loading the drawer…</p>;
  const { drawer, money } = state;
  return (
    <section className="drawer" aria-labelledby="drawer-title">
      <div className="section-head">
        <div>
          <h1 id="drawer-title">Billing: this desk’s drawer</h1>
          <p className="lead">
            {state.desk.name} · invoices numbered {state.desk.nextNumber} next ·{' '}
            {drawer
              ? `open since ${showDate(drawer.businessDate)}, float ${formatMoney(drawer.floatMinor, money)}`
              : 'closed'}
          </p>
        </div>
      </div>
      <BillingLinks current="drawer" />
      {!drawer && canClose && <OpenDrawer state={state} onOpened={load} />}
      {drawer && (
        <div className="checkout-columns">
          <section className="card billing-card wide-card" aria-labelledby="takings-title">
            <h2 id="takings-title">Current takings</h2>
            <p>
              Cash expected in the drawer: <strong>{formatMoney(drawer.expectedCashMinor, money)}</strong>
            </p>
            <MethodTotalsTable rows={drawer.byMethod} money={money} label="Takings by method" />
          </section>
          {canClose && (
            <section className="card billing-card" aria-labelledby="count-title">
              <h2 id="count-title">Count and close</h2>
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
            Show the last Z-report ({showDate(state.lastClosed.businessDate)})
          </button>
        )
      )}
      <DaySummaryCard today={todayIn(zone, Date.now())} money={money} />
    </section>
  );
}

function OpenDrawer({ state, onOpened }: { state: DrawerState; onOpened: (state: DrawerState) => void }) {
  const [float, setFloat] = useState(amountText(10_000, state.money));
  const [busy, setBusy] = useState(false);
  const { errors, show, clear, setField } = useFormErrors({ floatMinor: float });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const typed = readAmount(float, state.money);
    if (typed.problem) return setField('floatMinor', `Float ${typed.problem}`);
    setBusy(true);
    const result = await call('drawers.open', { floatMinor: typed.minor ?? 0 });
    setBusy(false);
    if (!result.ok) return show(result.error, ['floatMinor']);
    onOpened(result.value);
  }

  return (
    <form className="card" aria-label="Open drawer" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={`Float (${state.money.currency})`}
        inputMode="decimal"
        value={float}
        onChange={(event) => setFloat(event.target.value)}
        error={errors.fields.floatMinor}
        hint="The cash put in the drawer to give change"
        autoFocus
      />
      <FormMessage error={errors.form} />
      <button type="submit" className="primary" disabled={busy}>
        Open drawer
      </button>
    </form>
  );
}
