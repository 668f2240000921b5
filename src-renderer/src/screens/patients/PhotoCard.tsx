import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { PatientPhoto } from '../../../../src-shared/patients/model';
import { readAsBase64 } from './read-file';
import { useTranslation } from '../../i18n';

/** Sets or removes the banner's photo; the image is kept encrypted inside the database. */
export function PhotoCard({
  patientId,
  photo,
  onSaved,
}: {
  patientId: string;
  photo: PatientPhoto | null;
  /** The banner's photo is read again after a save or a removal. */
  onSaved: () => void;
}) {
  const { t } = useTranslation('patients');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  /**
   * What is wrong as chosen, in main's words: the file is read only when sent, so a placeholder stands
   * in for its content (main still checks its size and encoding); no file chosen is the form's own word.
   */
  const problems = (): Record<string, string> =>
    file
      ? draftProblems('patients.setPhoto', {
          patientId,
          mimeType: file.type as 'image/png' | 'image/jpeg',
          contentBase64: 'AA==',
        })
      : { contentBase64: t('PhotoCard.chooseAPngOrJpeg') };
  const errors = useFormErrors(
    { contentBase64: file ? `${file.name}:${file.size}` : null, mimeType: file?.type ?? null },
    problems,
  );
  const hasPhoto = photo !== null;

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (!file || Object.keys(local).length > 0) return errors.showProblems(local);
    setBusy(true);
    const result = await call('patients.setPhoto', {
      patientId,
      mimeType: file.type as 'image/png' | 'image/jpeg',
      contentBase64: await readAsBase64(file),
    });
    setBusy(false);
    if (!result.ok) return errors.show(result.error);
    onSaved();
    setFile(null);
  }

  async function remove() {
    errors.clear();
    const result = await call('patients.removePhoto', { patientId });
    if (!result.ok) return errors.show(result.error);
    onSaved();
  }

  return (
    <form className="card" onSubmit={(event) => void save(event)} noValidate aria-label={t('PhotoCard.photo')}>
      <h2>{t('PhotoCard.photo')}</h2>
      {photo?.arriving && <p role="status">{t('PhotoCard.stillArriving')}</p>}
      <Field
        // A new input after each save: a file input cannot be cleared by its value.
        key={photo?.documentId ?? 'none'}
        label={t('PhotoCard.photoFile')}
        type="file"
        accept="image/png,image/jpeg"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        error={errors.errors.fields.contentBase64 ?? errors.errors.fields.mimeType}
        hint={t('PhotoCard.pngOrJpegUpTo')}
      />
      <FormMessage error={errors.errors.form} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('PhotoCard.saving') : hasPhoto ? t('PhotoCard.replacePhoto') : t('PhotoCard.setPhoto')}
        </button>
        {hasPhoto && (
          <button type="button" onClick={() => void remove()}>
            {t('PhotoCard.removePhoto')}
          </button>
        )}
      </div>
    </form>
  );
}
