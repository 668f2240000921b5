import type { CsvImportReport } from '../../../../src-shared/interop/csv-import';
import { useTranslation } from '../../i18n';

/** The error rows as a CSV file the user fixes and imports again (the original columns and "error"). */
function download(name: string, csv: string): void {
  // A byte-order mark so a spreadsheet opens accented names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv, '\r\n'], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function errorFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'import';
  return `${base}-errors.csv`;
}

/** What a CSV dry run or import did: counts, each row with an error (row and column), notes worth reading. */
export function CsvReportView({ report, fileName }: { report: CsvImportReport; fileName: string }) {
  const { t } = useTranslation('interop');
  const listed = report.rows.filter((row) => row.outcome === 'error' || row.note !== null);
  return (
    <section className="move-in-report" aria-label={t('CsvImport.reportTitle')}>
      <p role="status">
        {t(report.dryRun ? 'CsvImport.dryRunDone' : 'CsvImport.importDone', {
          total: report.total,
          created: report.created,
          skipped: report.skipped,
          errors: report.errors,
        })}
      </p>
      {report.sentToDuplicateReview > 0 && (
        <p className="move-in-review">{t('MoveInScreen.review', { count: report.sentToDuplicateReview })}</p>
      )}
      {report.errorCsv !== '' && (
        <button type="button" onClick={() => download(errorFileName(fileName), report.errorCsv)}>
          {t('CsvImport.downloadErrors')}
        </button>
      )}
      {listed.length > 0 && (
        <table>
          <caption>{t('CsvImport.rowsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('CsvImport.row')}</th>
              <th scope="col">{t('CsvImport.column')}</th>
              <th scope="col">{t('MoveInScreen.outcome')}</th>
              <th scope="col">{t('MoveInScreen.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.flatMap((row) =>
              row.errors.length > 0
                ? row.errors.map((error, index) => (
                    <tr key={`${row.row}-${index}`}>
                      <td>{error.row}</td>
                      <td>{error.column ?? '—'}</td>
                      <td>{t(`CsvImport.outcomes.${row.outcome}`)}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))
                : [
                    <tr key={row.row}>
                      <td>{row.row}</td>
                      <td>—</td>
                      <td>{t(`CsvImport.outcomes.${row.outcome}`)}</td>
                      <td>
                        {row.label}: {row.note}
                      </td>
                    </tr>,
                  ],
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
