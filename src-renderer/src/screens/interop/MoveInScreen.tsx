import { useEffect, useState, type ChangeEvent } from 'react';
import {
  MAX_FHIR_FILE_CHARS,
  type FhirImportProgress,
  type FhirImportReport,
} from '../../../../src-shared/interop/fhir-import';
import { bridge, call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { CsvImportPanel } from './CsvImportPanel';
import { FhirImportReportView } from './FhirImportReportView';
import './interop.css';

type Running = 'dry-run' | 'import' | null;

/** Move in (administrators): a FHIR file from another system, a dry run first, then the import and its report. */
export function MoveInScreen() {
  const { t } = useTranslation('interop');
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [running, setRunning] = useState<Running>(null);
  const [progress, setProgress] = useState<FhirImportProgress | null>(null);
  const [report, setReport] = useState<FhirImportReport | null>(null);
  const check = () =>
    text === '' ? { text: t('MoveInScreen.chooseFirst') } : draftProblems('interop.importFhir', { fileName, text });
  const { errors, show, showProblems, clear } = useFormErrors({ text }, check);

  // Sent by main while the import's transaction runs, so the bar moves before the answer comes.
  useEffect(() => bridge.on('interop.importProgress', (next) => setProgress(next)), []);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    clear();
    setReport(null);
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_FHIR_FILE_CHARS * 4) {
      setText('');
      return showProblems({ text: t('MoveInScreen.tooLarge') }, ['text']);
    }
    setText(await file.text());
  }

  async function run(kind: Exclude<Running, null>) {
    clear();
    const local = check();
    if (Object.keys(local).length > 0) return showProblems(local, ['text']);
    setRunning(kind);
    setProgress(null);
    const result = await call(kind === 'dry-run' ? 'interop.importFhirDryRun' : 'interop.importFhir', {
      fileName,
      text,
    });
    setRunning(null);
    if (!result.ok) return show(result.error, ['text']);
    setReport(result.value);
  }

  const canImport = report?.dryRun === true && running === null;
  return (
    <section className="move-in">
      <h1>{t('MoveInScreen.title')}</h1>
      <p>{t('MoveInScreen.intro')}</p>
      <form aria-label={t('MoveInScreen.title')} onSubmit={(event) => event.preventDefault()} noValidate>
        <Field
          type="file"
          label={t('MoveInScreen.file')}
          accept=".json,.ndjson,application/fhir+json,application/json"
          onChange={(event) => void choose(event)}
          error={errors.fields.text}
          hint={t('MoveInScreen.fileHint')}
        />
        <div className="move-in-actions">
          <button type="button" disabled={running !== null} onClick={() => void run('dry-run')}>
            {running === 'dry-run' ? t('MoveInScreen.checking') : t('MoveInScreen.dryRun')}
          </button>
          <button type="button" className="primary" disabled={!canImport} onClick={() => void run('import')}>
            {running === 'import' ? t('MoveInScreen.importing') : t('MoveInScreen.import')}
          </button>
        </div>
        {running !== null && (
          <div className="move-in-progress">
            <progress aria-label={t('MoveInScreen.progress')} max={progress?.total ?? 1} value={progress?.done ?? 0} />
            {progress && <span>{t('MoveInScreen.progressText', { done: progress.done, total: progress.total })}</span>}
          </div>
        )}
        <FormMessage error={errors.form} success={null} />
      </form>
      {report && <FhirImportReportView report={report} />}
      <CsvImportPanel />
    </section>
  );
}
