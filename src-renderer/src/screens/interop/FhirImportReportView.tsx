import { NOT_A_VITAL_REASON, type FhirImportReport } from '../../../../src-shared/interop/fhir-import';
import { useTranslation } from '../../i18n';

/** What a dry run or an import did: counts per type, the types left out, and each resource with a reason. */
export function FhirImportReportView({ report }: { report: FhirImportReport }) {
  const { t } = useTranslation('interop');
  const listed = report.lines.filter((line) => line.reason !== null && line.reason !== NOT_A_VITAL_REASON);
  const hidden = report.lines.length - listed.length - report.lines.filter((line) => line.reason === null).length;
  return (
    <section className="move-in-report" aria-label={t('MoveInScreen.reportTitle')}>
      <p role="status">
        {report.dryRun
          ? t('MoveInScreen.dryRunDone', { total: report.total })
          : t('MoveInScreen.importDone', { total: report.total })}
      </p>
      <table>
        <caption>{t('MoveInScreen.countsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('MoveInScreen.type')}</th>
            <th scope="col">{report.dryRun ? t('MoveInScreen.wouldCreate') : t('MoveInScreen.created')}</th>
            <th scope="col">{report.dryRun ? t('MoveInScreen.wouldUpdate') : t('MoveInScreen.updated')}</th>
            <th scope="col">{t('MoveInScreen.skipped')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.counts).map(([type, counts]) => (
            <tr key={type}>
              <th scope="row">{type}</th>
              <td>{counts.created}</td>
              <td>{counts.updated}</td>
              <td>{counts.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.notImported.length > 0 && (
        <p>
          {t('MoveInScreen.notImported', {
            list: report.notImported.map((item) => `${item.resourceType} (${item.count})`).join(', '),
          })}
        </p>
      )}
      {report.sentToDuplicateReview > 0 && (
        <p className="move-in-review">{t('MoveInScreen.review', { count: report.sentToDuplicateReview })}</p>
      )}
      {listed.length > 0 && (
        <table>
          <caption>{t('MoveInScreen.reportTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('MoveInScreen.position')}</th>
              <th scope="col">{t('MoveInScreen.what')}</th>
              <th scope="col">{t('MoveInScreen.outcome')}</th>
              <th scope="col">{t('MoveInScreen.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((line) => (
              <tr key={`${line.position}-${line.resourceType}`}>
                <td>{line.position}</td>
                <td>
                  {line.resourceType}: {line.label}
                </td>
                <td>{t(`MoveInScreen.outcomes.${line.outcome}`)}</td>
                <td>{line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && <p>{t('MoveInScreen.onlyNotable', { hidden })}</p>}
    </section>
  );
}
