import { todayIn } from '../../../../src-shared/patients/dates';
import { formatMoney } from '../../../../src-shared/billing/money';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useClinicSettings } from '../../stores/clinic-settings';
import { HomeCard } from './HomeCard';

interface Figure {
  label: string;
  value: string;
  href: string;
}

/**
 * The manager's home: today's figures from the reports dashboard (`reports.dashboard` for today),
 * each a link to the report or screen it comes from. Read again on the pushed changes that move them.
 */
export function ManagerHome() {
  const { t } = useTranslation('home');
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const today = zone ? todayIn(zone, Date.now()) : null;
  const read = useProcedure('reports.dashboard', today ? { from: today, to: today } : null, {
    refreshOn: {
      'appointments.changed': true,
      'visits.changed': true,
      'billing.changed': true,
      'stock.changed': true,
    },
  });
  const dashboard = read.value;
  const figures: Figure[] = [];
  if (dashboard) {
    const { appointments, wait, revenue, newPatients } = dashboard.current;
    const reports = `#/reports?from=${dashboard.filters.from}&to=${dashboard.filters.to}`;
    figures.push(
      { label: t('manager.booked'), value: String(appointments.booked), href: reports },
      { label: t('manager.completed'), value: String(appointments.completed), href: reports },
      { label: t('manager.noShows'), value: String(appointments.noShows), href: reports },
      { label: t('manager.cancelled'), value: String(appointments.cancelled), href: reports },
      { label: t('manager.newPatients'), value: String(newPatients), href: reports },
      {
        label: t('manager.medianVisit'),
        value:
          wait.medianSeconds === null ? '—' : t('manager.minutes', { minutes: Math.round(wait.medianSeconds / 60) }),
        href: reports,
      },
    );
    if (revenue && dashboard.money) {
      figures.push(
        { label: t('manager.invoiced'), value: formatMoney(revenue.netInvoicedMinor, dashboard.money), href: reports },
        { label: t('manager.collected'), value: formatMoney(revenue.collectedMinor, dashboard.money), href: reports },
      );
    }
    if (dashboard.outstandingMinor !== null && dashboard.money) {
      figures.push({
        label: t('manager.outstanding'),
        value: formatMoney(dashboard.outstandingMinor, dashboard.money),
        href: '#/billing/ageing',
      });
    }
    if (dashboard.stock) {
      figures.push({
        label: t('manager.stockAlerts'),
        value: String(dashboard.stock.belowReorder + dashboard.stock.expiringSoon + dashboard.stock.expiredOnShelf),
        href: '#/stock',
      });
    }
  }

  return (
    <HomeCard
      id="home-today-figures"
      className="home-figures-card"
      title={t('manager.today')}
      error={read.error?.message}
      loading={!dashboard}
      more={{ href: '#/reports', label: t('manager.openReports') }}
    >
      <li>
        <dl className="home-figures">
          {figures.map((figure) => (
            <div key={figure.label}>
              <dt>{figure.label}</dt>
              <dd>
                <a
                  href={figure.href}
                  aria-label={t('manager.figureLink', { label: figure.label, amount: figure.value })}
                >
                  {figure.value}
                </a>
              </dd>
            </div>
          ))}
        </dl>
      </li>
    </HomeCard>
  );
}
