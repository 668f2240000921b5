import { useState } from 'react';
import { todayIn } from '../../../../src-shared/patients/dates';
import {
  DEFINITIONS,
  narrowedByLocationOrType,
  type AppointmentsReport,
  type ReportName,
  type WaitPhase,
} from '../../../../src-shared/reports/model';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { CallLists } from './CallLists';
import { DaySheet } from './DaySheet';
import { AppointmentsChart, WaitsChart } from './ReportCharts';
import { HeatMap } from './HeatMap';
import { savePdf } from '../billing/pdf';
import { DashboardCards } from './DashboardCards';
import { ProvidersReport } from './ProvidersReport';
import { RevenueReport } from './RevenueReport';
import { StockReport } from './StockReport';
import { ReportsContents, type ReportEntry } from './ReportsContents';
import { AgeingReport, ClaimsReport } from './ReceivablesReports';
import { readFilters, writeFilters, type ReportsFilters } from './filters';
import { FormMessage } from '../../components/FormMessage';
import { replaceHashQuery, useHashQuery } from '../../hooks/useHashRoute';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { i18next, useTranslation } from '../../i18n';

const PHASE_LABELS: Record<WaitPhase, string> = {
  get arrivalToRoom() {
    return i18next.t('reports:ReportsScreen.arrivalRoom');
  },
  get roomToSeen() {
    return i18next.t('reports:ReportsScreen.roomSeen');
  },
  get seenToOut() {
    return i18next.t('reports:ReportsScreen.seenOut');
  },
  get arrivalToOut() {
    return i18next.t('reports:ReportsScreen.arrivalOut');
  },
};

const minutes = (seconds: number | null) =>
  seconds === null ? '—' : i18next.t('reports:ReportsScreen.min', { seconds: Math.round(seconds / 6) / 10 });

/**
 * `#/reports?from=…&to=…&provider=…`: a range of clinic dates (the month so far unless the address says
 * otherwise) and a provider, and for them the appointments with the patients to call, waiting times and
 * revenue with their definitions. The address holds the filters, so a report is bookmarked and opened again.
 */
export function ReportsScreen() {
  const { t } = useTranslation('reports');
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const canSeeMoney = useSession((state) => state.can('billing:read'));
  const canSeeStock = useSession((state) => state.can('stock:read'));
  // A provider's reports are their own (main narrows them), so only others choose a provider.
  const picksProvider = useSession(
    (state) => state.session?.user.role !== 'provider' && state.can('appointments:read'),
  );
  const today = todayIn(zone, Date.now());
  const filters = readFilters(useHashQuery(), today);
  const { from, to } = filters;
  const [exported, setExported] = useState<string | null>(null);
  // A file's "saved" line speaks of the reports as they were: a changed filter clears it.
  const setFilters = (changes: Partial<ReportsFilters>) => {
    setExported(null);
    replaceHashQuery('reports', writeFilters({ ...filters, ...changes }));
  };
  // Location and type narrow the appointments, waiting-times and revenue reports, the call lists and the
  // dashboard's figures of them; the payer the revenue report; the others read range and provider.
  const input = { from, to, providerId: filters.providerId };
  const narrowed = { ...input, locationId: filters.locationId, typeId: filters.typeId };
  const canPick = useSession((state) => state.can('appointments:read'));
  const providers = useProcedure('schedule.listProviders', picksProvider ? {} : null);
  const locations = useProcedure('schedule.listLocations', canPick ? {} : null);
  const types = useProcedure('schedule.listTypes', canPick ? {} : null);
  const appointments = useProcedure('reports.appointments', narrowed, { refreshOn: { 'schedule.changed': true } });
  const calls = useProcedure('reports.callList', narrowed, { refreshOn: { 'schedule.changed': true } });
  const dashboard = useProcedure('reports.dashboard', narrowed, {
    refreshOn: { 'schedule.changed': true, 'billing.changed': true, 'stock.changed': true },
  });
  const waits = useProcedure('reports.waitingTimes', narrowed);
  const revenue = useProcedure('reports.revenue', canSeeMoney ? { ...narrowed, payer: filters.payer } : null, {
    refreshOn: { 'billing.changed': true },
  });
  const providersReport = useProcedure('reports.providers', input, {
    refreshOn: { 'schedule.changed': true, 'billing.changed': true },
  });
  const stock = useProcedure('reports.stock', canSeeStock ? { ...input, expiringDays: filters.expiringDays } : null, {
    refreshOn: { 'stock.changed': true },
  });
  const sheet = useProcedure(
    'reports.daySheet',
    canSeeMoney ? { date: filters.day, providerId: filters.providerId } : null,
    {
      refreshOn: { 'schedule.changed': true, 'billing.changed': true },
    },
  );
  // What is owed stands as of today: the range does not narrow it, the payer narrows claims.
  const ageing = useProcedure('reports.ageing', canSeeMoney ? input : null, { refreshOn: { 'billing.changed': true } });
  const claims = useProcedure('reports.claims', canSeeMoney ? { ...input, payer: filters.payer } : null, {
    refreshOn: { 'billing.changed': true },
  });
  const fieldError = appointments.error?.details?.fields;
  // In page order: the reports drawn below, each listed once it is there.
  const contents: ReportEntry[] = [
    { shown: dashboard.value !== null, headingId: 'dashboard-title', label: t('DashboardCards.dashboard') },
    { shown: appointments.value !== null, headingId: 'appointments-title', label: t('ReportsScreen.appointments') },
    { shown: calls.value !== null, headingId: 'calls-title', label: t('CallLists.patientsToCall') },
    { shown: waits.value !== null, headingId: 'waits-title', label: t('ReportsScreen.waitingTimes') },
    { shown: revenue.value !== null, headingId: 'revenue-title', label: t('ReportsScreen.revenue') },
    { shown: providersReport.value !== null, headingId: 'providers-title', label: t('ProvidersReport.providers') },
    { shown: ageing.value !== null, headingId: 'ageing-title', label: t('Receivables.ageing') },
    { shown: claims.value !== null, headingId: 'claims-title', label: t('Receivables.claims') },
    { shown: canSeeMoney, headingId: 'day-sheet-title', label: t('DaySheet.daySheet') },
    { shown: stock.value !== null, headingId: 'stock-title', label: t('StockReport.stock') },
  ].filter((report) => report.shown);

  async function exportCsv(report: ReportName) {
    // The day sheet is one day: its own date, whatever the range (and the provider, when one is chosen).
    const range = report === 'daySheet' ? { from: filters.day, to: filters.day } : {};
    const result = await call('reports.exportCsv', {
      ...narrowed,
      ...range,
      payer: filters.payer,
      expiringDays: filters.expiringDays,
      report,
    });
    if (!result.ok) return setExported(result.error.message);
    const url = URL.createObjectURL(new Blob([result.value.content], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setExported(t('ReportsScreen.fileSaved', { fileName: result.value.fileName }));
  }

  async function exportPdf(
    report: 'appointments' | 'waitingTimes' | 'revenue' | 'providers' | 'daySheet' | 'ageing' | 'claims',
  ) {
    const range = report === 'daySheet' ? { from: filters.day, to: filters.day } : {};
    const result = await call('reports.exportPdf', { ...narrowed, ...range, payer: filters.payer, report });
    if (!result.ok) return setExported(result.error.message);
    savePdf(result.value);
    setExported(t('ReportsScreen.fileSaved', { fileName: result.value.fileName }));
  }

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('ReportsScreen.reports')}</h1>
      <div className="report-range">
        <DateField
          label={t('ReportsScreen.from')}
          value={from}
          onChange={(value) => setFilters({ from: value })}
          error={fieldError?.from}
        />
        <DateField
          label={t('ReportsScreen.to')}
          value={to}
          onChange={(value) => setFilters({ to: value })}
          error={fieldError?.to}
        />
        {picksProvider && (
          <SelectField
            label={t('ReportsScreen.providerFilter')}
            value={filters.providerId ?? ''}
            options={[{ value: '', label: t('ReportsScreen.allProviders') }].concat(
              (providers.value ?? []).map((provider) => ({ value: provider.id, label: provider.displayName })),
            )}
            onChange={(event) => setFilters({ providerId: event.target.value === '' ? null : event.target.value })}
            error={fieldError?.providerId}
          />
        )}
        {canPick && (
          <SelectField
            label={t('ReportsScreen.locationFilter')}
            value={filters.locationId ?? ''}
            options={[{ value: '', label: t('ReportsScreen.allLocations') }].concat(
              (locations.value ?? []).map((location) => ({ value: location.id, label: location.name })),
            )}
            onChange={(event) => setFilters({ locationId: event.target.value === '' ? null : event.target.value })}
            error={fieldError?.locationId}
          />
        )}
        {canPick && (
          <SelectField
            label={t('ReportsScreen.typeFilter')}
            value={filters.typeId ?? ''}
            options={[{ value: '', label: t('ReportsScreen.allTypes') }].concat(
              (types.value ?? []).map((type) => ({ value: type.id, label: type.name })),
            )}
            onChange={(event) => setFilters({ typeId: event.target.value === '' ? null : event.target.value })}
            error={fieldError?.typeId}
          />
        )}
      </div>
      {(filters.locationId !== null || filters.typeId !== null) && (
        <p className="hint">{t('ReportsScreen.narrowedHint')}</p>
      )}
      <FormMessage error={fieldError ? null : (appointments.error?.message ?? null)} success={exported} />
      {fieldError && (
        <p role="status" className="hint report-refused">
          {t('ReportsScreen.fixTheRangeAbove')}
        </p>
      )}
      <ReportsContents reports={contents} />
      {dashboard.value && (
        <DashboardCards
          dashboard={dashboard.value}
          trend={appointments.value && <AppointmentsChart report={appointments.value} />}
        />
      )}
      {appointments.value && (
        <AppointmentsTable
          report={appointments.value}
          onExport={() => void exportCsv('appointments')}
          onPdf={() => void exportPdf('appointments')}
        />
      )}
      {calls.value && <CallLists list={calls.value} />}
      {waits.value && (
        <section aria-labelledby="waits-title" className="card report-card">
          <h2 id="waits-title">{t('ReportsScreen.waitingTimes')}</h2>
          <table className="ledger">
            <caption>{t('ReportsScreen.waitingTimesOverVisits', { visits: waits.value.visits })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ReportsScreen.step')}</th>
                <th scope="col" className="num">
                  {t('ReportsScreen.visits')}
                </th>
                <th scope="col" className="num">
                  {t('ReportsScreen.median')}
                </th>
                <th scope="col" className="num">
                  {t('ReportsScreen.n90thPercentile')}
                </th>
              </tr>
            </thead>
            <tbody>
              {waits.value.phases.map((phase) => (
                <tr key={phase.phase}>
                  <th scope="row">{PHASE_LABELS[phase.phase]}</th>
                  <td className="num">{phase.visits}</td>
                  <td className="num">{minutes(phase.medianSeconds)}</td>
                  <td className="num">{minutes(phase.p90Seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <WaitsChart report={waits.value} />
          <HeatMap report={waits.value} />
          <p className="hint">{DEFINITIONS.waits}</p>
          <p className="hint">{DEFINITIONS.percentiles}</p>
          {narrowedByLocationOrType(waits.value.filters) && <p className="hint">{DEFINITIONS.waitsNarrowed}</p>}
          <div className="actions">
            <button type="button" onClick={() => void exportCsv('waitingTimes')}>
              {t('ReportsScreen.exportWaitingTimesCsv')}
            </button>
            <button type="button" onClick={() => void exportPdf('waitingTimes')}>
              {t('ReportsScreen.exportWaitingTimesPdf')}
            </button>
          </div>
        </section>
      )}
      {revenue.value && (
        <RevenueReport
          report={revenue.value}
          payer={filters.payer}
          onPayer={(payer) => setFilters({ payer })}
          onExport={() => void exportCsv('revenue')}
          onPdf={() => void exportPdf('revenue')}
        />
      )}
      {providersReport.value && (
        <ProvidersReport
          report={providersReport.value}
          onExport={() => void exportCsv('providers')}
          onPdf={() => void exportPdf('providers')}
        />
      )}
      {ageing.value && (
        <AgeingReport
          report={ageing.value}
          onExport={() => void exportCsv('ageing')}
          onPdf={() => void exportPdf('ageing')}
        />
      )}
      {claims.value && (
        <ClaimsReport
          report={claims.value}
          payer={filters.payer}
          onPayer={(payer) => setFilters({ payer })}
          onExport={() => void exportCsv('claims')}
          onPdf={() => void exportPdf('claims')}
        />
      )}
      {canSeeMoney && (
        <DaySheet
          sheet={sheet.value ?? null}
          day={filters.day}
          zone={zone}
          error={sheet.error?.details?.fields?.date ?? sheet.error?.message}
          onDay={(day) => setFilters({ day })}
          onExport={() => void exportCsv('daySheet')}
          onPdf={() => void exportPdf('daySheet')}
        />
      )}
      {stock.value && (
        <StockReport
          report={stock.value}
          onDays={(expiringDays) => setFilters({ expiringDays })}
          onExport={() => void exportCsv('stock')}
        />
      )}
    </section>
  );
}

function AppointmentsTable({
  report,
  onExport,
  onPdf,
}: {
  report: AppointmentsReport;
  onExport: () => void;
  onPdf: () => void;
}) {
  const { t } = useTranslation('reports');
  const rows = [
    {
      key: 'all',
      name: report.filters.providerName === null ? t('ReportsScreen.allProviders') : t('ReportsScreen.total'),
      counts: report.totals,
    },
  ].concat(report.byProvider.map((p) => ({ key: p.providerId, name: p.providerName, counts: p })));
  return (
    <section aria-labelledby="appointments-title" className="card report-card">
      <h2 id="appointments-title">{t('ReportsScreen.appointments')}</h2>
      <table className="ledger">
        <caption>{t('ReportsScreen.appointmentsByProvider')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ReportsScreen.provider')}</th>
            {[
              t('ReportsScreen.booked'),
              t('ReportsScreen.completed'),
              t('ReportsScreen.cancelledLate'),
              t('ReportsScreen.noShows'),
              t('ReportsScreen.due'),
              t('ReportsScreen.noShowRate'),
            ].map((label) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, counts }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td className="num">{counts.booked}</td>
              <td className="num">{counts.completed}</td>
              <td className="num">
                {counts.cancelled} ({counts.lateCancelled})
              </td>
              <td className="num">{counts.noShows}</td>
              <td className="num">{counts.due}</td>
              <td className="num">{counts.noShowRatePercent === null ? '—' : `${counts.noShowRatePercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{DEFINITIONS.booked}</p>
      <p className="hint">
        {t('ReportsScreen.lateCancelWindowHours', {
          cancelled: DEFINITIONS.cancelled,
          lateCancelHours: report.lateCancelHours,
        })}
      </p>
      <p className="hint">{DEFINITIONS.due}</p>
      <p className="hint">{DEFINITIONS.noShowRate}</p>
      <div className="actions">
        <button type="button" onClick={onExport}>
          {t('ReportsScreen.exportAppointmentsCsv')}
        </button>
        <button type="button" onClick={onPdf}>
          {t('ReportsScreen.exportAppointmentsPdf')}
        </button>
      </div>
    </section>
  );
}
