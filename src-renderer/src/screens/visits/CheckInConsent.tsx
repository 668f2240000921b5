import { useState, type SyntheticEvent } from 'react';
import { CONSENT_KINDS, type ConsentKind } from '../../../../src-shared/patients/consents';
import { todayIn } from '../../../../src-shared/patients/dates';
import type { DocumentType } from '../../../../src-shared/patients/documents';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { readAsBase64 } from '../patients/read-file';
import { i18next, useTranslation, variant } from '../../i18n';

/** Fields shown beside the consent and the signed form (the form's type and name are said under the file). */
const SHOWN = ['kind', 'contentBase64', 'mimeType', 'fileName'];

const KIND_LABELS: Record<ConsentKind, string> = {
  get treatment() {
    return i18next.t('visits:CheckInConsent.treatment');
  },
  get privacy() {
    return i18next.t('visits:CheckInConsent.privacyNotice');
  },
  get sms_reminders() {
    return i18next.t('visits:CheckInConsent.smsReminders');
  },
  get email_reminders() {
    return i18next.t('visits:CheckInConsent.emailReminders');
  },
  get research() {
    return i18next.t('visits:CheckInConsent.research');
  },
  get other() {
    return i18next.t('visits:CheckInConsent.other');
  },
};

/**
 * "Have the patient sign one", done where it is asked: the consent is recorded as given today and the
 * signed form, when scanned or photographed, is kept as the patient's document and linked to it
 * (documents.add, then consents.record with its id — the same procedures as the patient's record).
 */
export function CheckInConsent({ patientId, onRecorded }: { patientId: string; onRecorded: () => void }) {
  const { t } = useTranslation('visits');
  const timeZone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const [kind, setKind] = useState<ConsentKind>('treatment');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A new file input after each recording: a file input cannot be emptied from code.
  const [chooser, setChooser] = useState(0);
  const formDraft = (contentBase64: string) =>
    file && {
      patientId,
      kind: 'consent' as const,
      title: t('CheckInConsent.consentForm', { KIND_LABELS: KIND_LABELS[kind] }),
      fileName: file.name,
      mimeType: file.type as DocumentType,
      contentBase64,
    };
  /**
   * What main would refuse, in its words: the signed form (its content is read only when sent, so a
   * placeholder stands in; main still checks size and encoding), then the consent as given today.
   */
  const problems = (): Record<string, string> => ({
    ...draftProblems('documents.add', formDraft('AA==')),
    ...draftProblems('consents.record', { patientId, kind, givenOn: todayIn(timeZone, Date.now()) }),
  });
  const errors = useFormErrors(
    {
      kind,
      contentBase64: file ? `${file.name}:${file.size}` : null,
      fileName: file?.name ?? null,
      mimeType: file?.type ?? null,
    },
    problems,
  );

  async function record(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    setBusy(true);
    let documentId: string | undefined;
    const signed = formDraft('');
    if (file && signed) {
      const stored = await call('documents.add', { ...signed, contentBase64: await readAsBase64(file) });
      if (!stored.ok) {
        setBusy(false);
        return errors.show(stored.error, SHOWN);
      }
      documentId = stored.value.id;
    }
    const result = await call('consents.record', {
      patientId,
      kind,
      givenOn: todayIn(timeZone, Date.now()),
      ...(documentId && { documentId }),
    });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, SHOWN);
    setDone(
      t('CheckInConsent.consentRecorded', {
        kind: KIND_LABELS[kind],
        context: variant(documentId && 'signedForm'),
      }),
    );
    setFile(null);
    setChooser((count) => count + 1);
    onRecorded();
  }

  const fileError =
    errors.errors.fields.contentBase64 ?? errors.errors.fields.mimeType ?? errors.errors.fields.fileName;
  return (
    <form
      aria-label={t('CheckInConsent.recordConsent')}
      noValidate
      className="checkin-consent"
      onSubmit={(event) => void record(event)}
    >
      <h3>{t('CheckInConsent.consentSignedNow')}</h3>
      <SelectField
        label={t('CheckInConsent.consent')}
        value={kind}
        options={CONSENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
        onChange={(event) => setKind(event.target.value as ConsentKind)}
        error={errors.errors.fields.kind}
      />
      <div className="field">
        <label htmlFor="checkin-consent-form">{t('CheckInConsent.signedFormPdfPngOr')}</label>
        <input
          key={chooser}
          id="checkin-consent-form"
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {fileError && <small className="field-error">{fileError}</small>}
      </div>
      <FormMessage error={errors.errors.form} success={done} />
      <button type="submit" disabled={busy}>
        {t('CheckInConsent.recordConsent')}
      </button>
    </form>
  );
}
