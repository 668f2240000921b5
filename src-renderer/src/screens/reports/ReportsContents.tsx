import { useTranslation } from '../../i18n';
import { showReport } from './show-report';

export interface ReportEntry {
  /** The id of the report's heading on this page. */
  headingId: string;
  label: string;
}

/**
 * The reports on this page, in page order, each a button that brings its report up: at 1366×768 the page
 * runs to several screens, and without this the last reports (day sheet, stock) are found by scrolling.
 */
export function ReportsContents({ reports }: { reports: ReportEntry[] }) {
  const { t } = useTranslation('reports');
  if (reports.length < 2) return null;
  return (
    <nav className="report-contents" aria-labelledby="report-contents-title">
      <h2 id="report-contents-title">{t('ReportsContents.onThisPage')}</h2>
      <ul>
        {reports.map((report) => (
          <li key={report.headingId}>
            <button type="button" onClick={() => showReport(report.headingId)}>
              {report.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
