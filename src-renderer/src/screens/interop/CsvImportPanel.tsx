import { useState, type ChangeEvent } from 'react';
import {
  CSV_DATE_FORMATS,
  CSV_ENCODINGS,
  CSV_FIELDS,
  CSV_TARGETS,
  MAX_CSV_FILE_BYTES,
  type CsvDateFormat,
  type CsvEncoding,
  type CsvImportReport,
  type CsvMapping,
  type CsvPreview,
  type CsvTarget,
} from '../../../../src-shared/interop/csv-import';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { readAsBase64 } from '../patients/read-file';
import { CsvReportView } from './CsvReportView';

type Running = 'preview' | 'dry-run' | 'import' | null;

/** Where main's refusals are shown: the file's problems under the file, the rest under their own control. */
const SHOWN = ['contentBase64', 'file', 'target', 'sourceName', 'encoding', 'dateFormat', 'mapping'];

/**
 * Import a CSV file (issue 21): choose the file and how to read it, see the first rows with the mapping
 * guessed (or remembered for the source), correct the mapping, dry run, import the good rows, and download
 * the rows with errors to fix and import again.
 */
export function CsvImportPanel() {
  const { t } = useTranslation('interop');
  const [fileName, setFileName] = useState('');
  const [contentBase64, setContent] = useState('');
  const [target, setTarget] = useState<CsvTarget>('patients');
  const [sourceName, setSourceName] = useState('');
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [dateFormat, setDateFormat] = useState<CsvDateFormat>('YYYY-MM-DD');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const [checked, setChecked] = useState('');
  const [running, setRunning] = useState<Running>(null);
  const values = { contentBase64, target, sourceName, encoding, dateFormat, mapping };
  // Main's own schema checks the settings as they change (a mapping to a field the target lacks, a name too long).
  const check = () =>
    contentBase64 === ''
      ? { contentBase64: t('MoveInScreen.chooseFirst') }
      : draftProblems('interop.importCsv', { fileName, ...values, dryRun: true });
  const { errors, show, showProblems, clear } = useFormErrors(values, check);
  const settings = JSON.stringify(values);

  function apply(next: CsvPreview) {
    setPreview(next);
    setMapping(next.mapping);
    setEncoding(next.encoding);
    if (next.mappingFrom === 'remembered') setDateFormat(next.dateFormat);
  }

  async function load(next: Partial<typeof values> = {}) {
    const input = { fileName, contentBase64, target, sourceName, encoding, ...next };
    if (!input.contentBase64) return;
    clear();
    setReport(null);
    setRunning('preview');
    const result = await call('interop.previewCsv', input);
    setRunning(null);
    if (!result.ok) {
      setPreview(null);
      return show(result.error, SHOWN);
    }
    apply(result.value);
  }

  /** A source named after the file was read: its remembered mapping replaces the one shown, else nothing changes. */
  async function recall() {
    if (!contentBase64 || !sourceName.trim()) return;
    const result = await call('interop.previewCsv', { fileName, contentBase64, target, sourceName });
    if (result.ok && result.value.mappingFrom === 'remembered') {
      setReport(null);
      apply(result.value);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    clear();
    setPreview(null);
    setReport(null);
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_CSV_FILE_BYTES) {
      setContent('');
      return showProblems({ contentBase64: t('CsvImport.tooLarge') }, ['contentBase64']);
    }
    const base64 = await readAsBase64(file);
    setContent(base64);
    await load({ contentBase64: base64 });
  }

  async function run(dryRun: boolean) {
    clear();
    if (!contentBase64) return showProblems({ contentBase64: t('MoveInScreen.chooseFirst') }, ['contentBase64']);
    setRunning(dryRun ? 'dry-run' : 'import');
    const result = await call('interop.importCsv', { fileName, ...values, dryRun });
    setRunning(null);
    if (!result.ok) return show(result.error, SHOWN);
    setReport(result.value);
    setChecked(dryRun ? settings : '');
  }

  const fieldOptions = [
    { value: '', label: t('CsvImport.leaveOut') },
    ...CSV_FIELDS[target].map((field) => ({ value: field, label: t(`CsvImport.fields.${field}`) })),
  ];
  const canImport = report?.dryRun === true && checked === settings && running === null;
  return (
    <section className="csv-import" aria-labelledby="csv-import-title">
      <h2 id="csv-import-title">{t('CsvImport.title')}</h2>
      <p>{t('CsvImport.intro')}</p>
      <form aria-label={t('CsvImport.title')} onSubmit={(event) => event.preventDefault()} noValidate>
        <div className="csv-import-settings">
          <Field
            type="file"
            label={t('CsvImport.file')}
            accept=".csv,.txt,text/csv"
            onChange={(event) => void choose(event)}
            error={errors.fields.contentBase64 ?? errors.fields.file}
            hint={t('CsvImport.fileHint')}
          />
          <SelectField
            label={t('CsvImport.target')}
            value={target}
            options={CSV_TARGETS.map((value) => ({ value, label: t(`CsvImport.targets.${value}`) }))}
            error={errors.fields.target}
            onChange={(event) => {
              const next = event.target.value as CsvTarget;
              setTarget(next);
              void load({ target: next });
            }}
          />
          <Field
            label={t('CsvImport.source')}
            value={sourceName}
            maxLength={80}
            hint={t('CsvImport.sourceHint')}
            error={errors.fields.sourceName}
            onChange={(event) => setSourceName(event.target.value)}
            onBlur={() => void recall()}
          />
          <SelectField
            label={t('CsvImport.encoding')}
            value={encoding}
            options={CSV_ENCODINGS.map((value) => ({ value, label: t(`CsvImport.encodings.${value}`) }))}
            error={errors.fields.encoding}
            onChange={(event) => {
              const next = event.target.value as CsvEncoding;
              setEncoding(next);
              void load({ encoding: next });
            }}
          />
          <SelectField
            label={t('CsvImport.dateFormat')}
            value={dateFormat}
            options={CSV_DATE_FORMATS.map((value) => ({ value, label: value }))}
            error={errors.fields.dateFormat}
            onChange={(event) => setDateFormat(event.target.value as CsvDateFormat)}
          />
        </div>
        {preview && (
          <>
            <div className="csv-import-preview">
              <table>
                <caption>
                  {t('CsvImport.previewTitle', { shown: preview.rows.length, total: preview.totalRows })}
                </caption>
                <thead>
                  <tr>
                    {preview.headers.map((header) => (
                      <th scope="col" key={header}>
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, index) => (
                    <tr key={index}>
                      {row.map((cell, column) => (
                        <td key={column}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <fieldset className="csv-import-mapping">
              <legend>
                {t(preview.mappingFrom === 'remembered' ? 'CsvImport.mappingRemembered' : 'CsvImport.mappingGuessed')}
              </legend>
              {preview.headers.map((header) => (
                <SelectField
                  key={header}
                  label={t('CsvImport.columnLabel', { header })}
                  value={mapping[header] ?? ''}
                  options={fieldOptions}
                  onChange={(event) => setMapping({ ...mapping, [header]: event.target.value })}
                />
              ))}
              {errors.fields.mapping && <small className="field-error">{errors.fields.mapping}</small>}
            </fieldset>
          </>
        )}
        <div className="move-in-actions">
          <button type="button" disabled={running !== null || !preview} onClick={() => void run(true)}>
            {running === 'dry-run' ? t('MoveInScreen.checking') : t('CsvImport.dryRun')}
          </button>
          <button type="button" className="primary" disabled={!canImport} onClick={() => void run(false)}>
            {running === 'import' ? t('MoveInScreen.importing') : t('CsvImport.import')}
          </button>
        </div>
        <FormMessage error={errors.form} success={null} />
      </form>
      {report && <CsvReportView report={report} fileName={fileName} />}
    </section>
  );
}
