import type { ReactNode } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import { DEFINITIONS, type ProvidersReport as Report } from '../../../../src-shared/reports/model';
import { i18next, useTranslation } from '../../i18n';

const hours = (minutes: number) =>
  i18next.t('reports:ProvidersReport.hMin', {
    minutes: Math.floor(minutes / 60),
    padStart: String(minutes % 60).padStart(2, '0'),
  });

/** One of the report's tables: a provider per row, figures right-aligned. */
function ProviderTable({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; name: string; cells: ReactNode[] }[];
  empty: string;
}) {
  const { t } = useTranslation('reports');
  return (
    <table className="ledger">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ProvidersReport.provider')}</th>
          {columns.map((label) => (
            <th key={label} scope="col" className="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length + 1}>{empty}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell, index) => (
              <td key={columns[index]} className="num">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Per provider over the range: the dashboard's utilisation, appointments by status and, for those who see
 * billing, the revenue credited to them; each figure's definition under its table.
 */
export function ProvidersReport({
  report,
  onExport,
  onPdf,
}: {
  report: Report;
  onExport: () => void;
  onPdf: () => void;
}) {
  const { t } = useTranslation('reports');
  const money = report.money;
  const empty = t('ProvidersReport.none');
  return (
    <section aria-labelledby="providers-title" className="card report-card">
      <h2 id="providers-title">{t('ProvidersReport.providers')}</h2>
      <ProviderTable
        caption={t('ProvidersReport.utilisationCaption')}
        columns={[t('ProvidersReport.booked'), t('ProvidersReport.hoursOffered'), t('ProvidersReport.utilisation')]}
        rows={report.providers.map((row) => ({
          key: row.providerId,
          name: row.providerName,
          cells: [
            hours(row.bookedMinutes),
            hours(row.availableMinutes),
            row.utilisationPercent === null ? '—' : `${row.utilisationPercent}%`,
          ],
        }))}
        empty={empty}
      />
      <p className="hint">{DEFINITIONS.utilisation}</p>
      <ProviderTable
        caption={t('ProvidersReport.appointmentsCaption')}
        columns={[
          t('ProvidersReport.appointments'),
          t('ProvidersReport.completed'),
          t('ProvidersReport.noShows'),
          t('ProvidersReport.cancelledLate'),
        ]}
        rows={report.providers.map(({ providerId, providerName, appointments: a }) => ({
          key: providerId,
          name: providerName,
          cells: [a.booked, a.completed, a.noShows, `${a.cancelled} (${a.lateCancelled})`],
        }))}
        empty={empty}
      />
      <p className="hint">
        {DEFINITIONS.booked} {DEFINITIONS.completed} {DEFINITIONS.noShows}{' '}
        {t('ProvidersReport.lateCancelWindowHours', {
          cancelled: DEFINITIONS.cancelled,
          lateCancelHours: report.lateCancelHours,
        })}
      </p>
      {money && (
        <>
          <ProviderTable
            caption={t('ProvidersReport.revenueCaption')}
            columns={[
              t('ProvidersReport.invoiced'),
              t('ProvidersReport.credited'),
              t('ProvidersReport.invoicedNet'),
              t('ProvidersReport.collected'),
            ]}
            rows={[
              ...report.providers.flatMap(({ providerId, providerName, money: m }) =>
                m
                  ? [
                      {
                        key: providerId,
                        name: providerName,
                        cells: [m.invoicedMinor, m.creditedMinor, m.netInvoicedMinor, m.collectedMinor].map((minor) =>
                          formatMoney(minor, money),
                        ),
                      },
                    ]
                  : [],
              ),
              ...(report.unassigned
                ? [
                    {
                      key: 'unassigned',
                      name: t('ProvidersReport.unassigned'),
                      cells: [
                        '',
                        '',
                        formatMoney(report.unassigned.netInvoicedMinor, money),
                        formatMoney(report.unassigned.collectedMinor, money),
                      ],
                    },
                  ]
                : []),
            ]}
            empty={empty}
          />
          <p className="hint">{DEFINITIONS.providerInvoiced}</p>
          <p className="hint">{DEFINITIONS.providerCollected}</p>
          <p className="hint">{DEFINITIONS.unassigned}</p>
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onExport}>
          {t('ProvidersReport.export')}
        </button>
        <button type="button" onClick={onPdf}>
          {t('ProvidersReport.exportPdf')}
        </button>
      </div>
    </section>
  );
}
