import type { FhirExportSummary } from '../../../../src-shared/api/areas/fhir-export';
import { useTranslation } from '../../i18n';

function download(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** What the export wrote: where, and how many resources of each FHIR type. */
export function MoveOutResult({ summary }: { summary: FhirExportSummary }) {
  const { t } = useTranslation('move-out');
  const types = Object.entries(summary.counts).sort(([a], [b]) => a.localeCompare(b));
  const bundle = summary.patientBundle;
  return (
    <section className="move-out-result" aria-label={t('result.label')}>
      <h2>{t('result.title')}</h2>
      <p role="status">{t('result.written', { count: summary.patients, folder: summary.folder })}</p>
      <table className="move-out-counts">
        <thead>
          <tr>
            <th scope="col">{t('result.type')}</th>
            <th scope="col">{t('result.count')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map(([type, count]) => (
            <tr key={type}>
              <td>{type}</td>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('result.files', { count: summary.bundleFiles })}</p>
      {bundle && (
        <button type="button" onClick={() => download(bundle.fileName, bundle.json)}>
          {t('result.download')}
        </button>
      )}
    </section>
  );
}
