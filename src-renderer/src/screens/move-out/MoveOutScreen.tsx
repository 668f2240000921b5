import { useState, type SyntheticEvent } from 'react';
import type { FhirExportScope, FhirExportSummary } from '../../../../src-shared/api/areas/fhir-export';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { PatientPicker } from '../../components/PatientPicker';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { MoveOutResult } from './MoveOutResult';
import './move-out.css';

/**
 * Settings → Move out (administrators and managers): the clinic's records as FHIR R4, written into a
 * new folder on this computer; one patient's Bundle can also be downloaded from the browser.
 */
export function MoveOutScreen() {
  const { t } = useTranslation('move-out');
  const [scope, setScope] = useState<FhirExportScope>('clinic');
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [folder, setFolder] = useState('');
  const [inlineDocuments, setInlineDocuments] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<FhirExportSummary | null>(null);

  const input = {
    folder,
    scope,
    inlineDocuments,
    ...(scope === 'patient' ? { patientId: patient?.id ?? null } : {}),
    ...(scope === 'range' ? { from: from || undefined, to: to || undefined } : {}),
  };
  const problems = () => draftProblems('interop.exportFhir', input);
  const { errors, show, showProblems, clear } = useFormErrors(input, problems);
  const shown = ['folder', 'scope', 'patientId', 'from', 'to'];

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSummary(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    setBusy(true);
    const result = await call('interop.exportFhir', input);
    setBusy(false);
    if (!result.ok) return show(result.error, shown);
    setSummary(result.value);
  }

  const scopes = [
    { value: 'clinic', label: t('scope.clinic') },
    { value: 'patient', label: t('scope.patient') },
    { value: 'range', label: t('scope.range') },
  ];
  return (
    <section className="move-out">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form aria-label={t('formLabel')} onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          label={t('scope.label')}
          options={scopes}
          value={scope}
          onChange={(event) => setScope(event.target.value as FhirExportScope)}
          error={errors.fields.scope}
        />
        {scope === 'patient' && (
          <PatientPicker idPrefix="move-out" patient={patient} onChange={setPatient} error={errors.fields.patientId} />
        )}
        {scope === 'range' && (
          <div className="move-out-dates">
            <DateField label={t('from')} value={from} onChange={setFrom} error={errors.fields.from} />
            <DateField label={t('to')} value={to} onChange={setTo} error={errors.fields.to} />
          </div>
        )}
        <Field
          label={t('folder')}
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
          error={errors.fields.folder}
          hint={t('folderHint')}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={inlineDocuments}
            onChange={(event) => setInlineDocuments(event.target.checked)}
          />{' '}
          {t('inlineDocuments')}
        </label>
        <div className="move-out-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('exporting') : t('export')}
          </button>
        </div>
        {(busy || summary) && (
          <div className="move-out-progress">
            <label htmlFor="move-out-progress">{busy ? t('exporting') : t('done')}</label>
            {/* One call does the whole export: indeterminate while it runs, full when it answers. */}
            {busy ? <progress id="move-out-progress" /> : <progress id="move-out-progress" value={1} max={1} />}
          </div>
        )}
        <FormMessage error={errors.form} success={null} />
      </form>
      {summary && <MoveOutResult summary={summary} />}
    </section>
  );
}
