import { useState, type SyntheticEvent } from 'react';
import { CONSENT_KINDS, type ConsentKind } from '../../../../src-shared/patients/consents';
import { todayIn } from '../../../../src-shared/patients/dates';
import type { DocumentType } from '../../../../src-shared/patients/documents';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { readAsBase64 } from '../patients/read-file';
import { i18next, useTranslation, variant } from '../../i18n';

const KIND_LABELS: Record<ConsentKind, string> = {
  treatment: i18next.t('visits:CheckInConsent.treatment'),
  privacy: i18next.t('visits:CheckInConsent.privacyNotice'),
  sms_reminders: i18next.t('visits:CheckInConsent.smsReminders'),
  email_reminders: i18next.t('visits:CheckInConsent.emailReminders'),
  research: i18next.t('visits:CheckInConsent.research'),
  other: i18next.t('visits:CheckInConsent.other'),
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
  const errors = useFormErrors({ kind, contentBase64: file ? `${file.name}:${file.size}` : null });

  async function record(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    setBusy(true);
    let documentId: string | undefined;
    if (file) {
      const stored = await call('documents.add', {
        patientId,
        kind: 'consent',
        title: t('CheckInConsent.consentForm', { KIND_LABELS: KIND_LABELS[kind] }),
        fileName: file.name,
        mimeType: file.type as DocumentType,
        contentBase64: await readAsBase64(file),
      });
      if (!stored.ok) {
        setBusy(false);
        return errors.show(stored.error, ['contentBase64', 'mimeType']);
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
    if (!result.ok) return errors.show(result.error, ['kind']);
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
        {errors.errors.fields.contentBase64 && (
          <small className="field-error">{errors.errors.fields.contentBase64}</small>
        )}
      </div>
      <FormMessage error={errors.errors.form} success={done} />
      <button type="submit" disabled={busy}>
        {t('CheckInConsent.recordConsent')}
      </button>
    </form>
  );
}
