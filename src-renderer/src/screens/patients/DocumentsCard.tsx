import { useState, type SyntheticEvent } from 'react';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  type DocumentKind,
  type DocumentSummary,
  type DocumentType,
} from '../../../../src-shared/patients/documents';
import { call } from '../../api';
import { AddDialog } from '../../components/AddDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { readAsBase64 } from './read-file';
import { Trans, i18next, useTranslation } from '../../i18n';

const KIND_LABELS: Record<DocumentKind, string> = {
  get id_card() {
    return i18next.t('patients:DocumentsCard.idCard');
  },
  get insurance_card() {
    return i18next.t('patients:DocumentsCard.insuranceCard');
  },
  get referral() {
    return i18next.t('patients:DocumentsCard.referralLetter');
  },
  get consent() {
    return i18next.t('patients:DocumentsCard.signedConsent');
  },
  get photo() {
    return i18next.t('patients:DocumentsCard.photo');
  },
  get other() {
    return i18next.t('patients:DocumentsCard.other');
  },
};

function download(name: string, type: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Scanned IDs, insurance cards and letters, kept inside the encrypted database; Add document opens a dialog. */
export function DocumentsCard({ patientId, canWrite }: { patientId: string; canWrite: boolean }) {
  const { t } = useTranslation('patients');
  const read = useProcedure(
    'documents.list',
    { patientId },
    { refreshOn: { 'patients.changed': (event) => event.patientIds.includes(patientId) } },
  );
  // The photo has its own card and shows in the banner; listing it here would offer a second way to remove it.
  const documents = (read.value ?? []).filter((document) => document.kind !== 'photo');
  const [added, setAdded] = useState<string | null>(null);

  async function open(document: DocumentSummary) {
    const result = await call('documents.get', { documentId: document.id });
    if (result.ok) download(document.fileName, document.mimeType, result.value.contentBase64);
  }

  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('DocumentsCard.documents')}</h2>
      {documents.length === 0 && <p>{t('DocumentsCard.noDocumentsOnFile')}</p>}
      <ul className="plain">
        {documents.map((document) => (
          <li key={document.id}>
            {/* Synced from another desk whose bytes are still travelling in chunks: nothing to open yet. */}
            {document.arriving ? (
              <Trans
                t={t}
                i18nKey="DocumentsCard.kbArriving"
                values={{
                  title: document.title,
                  KIND_LABELS: KIND_LABELS[document.kind],
                  sizeBytes: Math.ceil(document.sizeBytes / 1024),
                }}
                components={{ strong: <strong />, span: <span className="tag" /> }}
              />
            ) : (
              <Trans
                t={t}
                i18nKey="DocumentsCard.kbDownload"
                values={{
                  title: document.title,
                  KIND_LABELS: KIND_LABELS[document.kind],
                  sizeBytes: Math.ceil(document.sizeBytes / 1024),
                }}
                components={{
                  strong: <strong />,
                  button: (
                    <button
                      type="button"
                      aria-label={t('DocumentsCard.download', { title: document.title })}
                      onClick={() => void open(document)}
                    />
                  ),
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="actions">
          <AddDialog label={t('DocumentsCard.addDocument')}>
            {(done) => (
              <AddDocumentForm
                patientId={patientId}
                onAdded={(title) => {
                  read.reload();
                  setAdded(t('DocumentsCard.added', { title }));
                  done();
                }}
              />
            )}
          </AddDialog>
        </div>
      )}
      <FormMessage success={added} />
    </section>
  );
}

/** Kind, title and file; the file is read and sent only on Upload. */
function AddDocumentForm({ patientId, onAdded }: { patientId: string; onAdded: (title: string) => void }) {
  const { t } = useTranslation('patients');
  const [kind, setKind] = useState<DocumentKind>('referral');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = (contentBase64: string) =>
    file && {
      patientId,
      kind,
      title: title || file.name,
      fileName: file.name,
      mimeType: file.type as DocumentType,
      contentBase64,
    };
  /**
   * What is wrong as chosen, in main's words: the file is read only when sent, so its content stands in
   * as a placeholder here (main still checks its size and encoding); no file chosen is the form's own word.
   */
  const problems = (): Record<string, string> =>
    file ? draftProblems('documents.add', draft('AA==')) : { contentBase64: t('DocumentsCard.chooseAPdfPngOr') };
  const errors = useFormErrors(
    {
      kind,
      title,
      contentBase64: file ? `${file.name}:${file.size}` : null,
      fileName: file?.name ?? null,
      mimeType: file?.type ?? null,
    },
    problems,
  );

  async function upload(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (!file || Object.keys(local).length > 0) return errors.showProblems(local);
    setBusy(true);
    const result = await call('documents.add', {
      patientId,
      kind,
      title: title || file.name,
      fileName: file.name,
      mimeType: file.type as DocumentType,
      contentBase64: await readAsBase64(file),
    });
    setBusy(false);
    if (!result.ok) return errors.show(result.error);
    onAdded(title || file.name);
  }

  return (
    <form onSubmit={(event) => void upload(event)} noValidate aria-label={t('DocumentsCard.addDocument')}>
      <SelectField
        label={t('DocumentsCard.kind')}
        value={kind}
        options={DOCUMENT_KINDS.filter((value) => value !== 'photo').map((value) => ({
          value,
          label: KIND_LABELS[value],
        }))}
        onChange={(event) => setKind(event.target.value as DocumentKind)}
      />
      <Field
        label={t('DocumentsCard.title')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.errors.fields.title}
      />
      <Field
        label={t('DocumentsCard.file')}
        type="file"
        accept={DOCUMENT_TYPES.join(',')}
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        error={errors.errors.fields.contentBase64 ?? errors.errors.fields.mimeType ?? errors.errors.fields.fileName}
        hint={t('DocumentsCard.pdfPngOrJpegUp')}
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit" disabled={busy}>
        {busy ? t('DocumentsCard.uploading') : t('DocumentsCard.uploadDocument')}
      </button>
    </form>
  );
}
