import { useState, type SyntheticEvent } from 'react';
import {
  ALLERGY_REMOVAL_REASONS,
  ALLERGY_SEVERITIES,
  type AllergyRemovalReason,
  type AllergySeverity,
  type PatientAllergy,
  type PatientRecord,
} from '../../../../src-shared/patients/model';
import type { Result } from '../../../../src-shared/api/errors';
import { AddDialog } from '../../components/AddDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { allergyRemovalLabel } from '../../i18n/labels';

export interface NewAllergy {
  substance: string;
  reaction: string | null;
  severity: AllergySeverity;
}

export interface AllergyChanges {
  add: (allergy: NewAllergy) => Promise<Result<PatientRecord>>;
  /** What main would refuse in `add`'s draft (`draftProblems` with the procedure `add` calls), by field. */
  check: (allergy: NewAllergy) => Record<string, string>;
  remove: (allergyId: string, reason: AllergyRemovalReason) => Promise<Result<PatientRecord>>;
  /** The record as main answers it after a change (the banner shows the allergies too). */
  onSaved: (record: PatientRecord) => void;
}

/**
 * The patient's allergies with Add and Take off: on the patient's page through the patients
 * procedures (Add opens a dialog, `addInDialog`), at the nurse's intake through the intake ones (which
 * name the visit; the form stays open there, as the review asks about allergies). Read-only when
 * `changes` is not given.
 */
export function AllergiesCard({
  allergies,
  changes,
  title: titleGiven,
  addInDialog = false,
}: {
  allergies: readonly PatientAllergy[];
  changes?: AllergyChanges | undefined;
  title?: string;
  addInDialog?: boolean;
}) {
  const { t } = useTranslation('patients');
  const [added, setAdded] = useState<string | null>(null);
  const title = titleGiven ?? t('AllergiesCard.allergies');
  return (
    <section className="card" aria-labelledby="allergies-heading">
      <h2 id="allergies-heading">{title}</h2>
      {allergies.length === 0 && <p>{t('AllergiesCard.noKnownAllergiesRecorded')}</p>}
      {allergies.length > 0 && (
        <ul className="plain allergy-list">
          {allergies.map((allergy) => (
            <li key={allergy.id}>
              <span>
                <strong>{allergy.substance}</strong>
                {allergy.reaction && ` · ${allergy.reaction}`} · {allergy.severity}
              </span>
              {changes && <TakeOff allergy={allergy} changes={changes} />}
            </li>
          ))}
        </ul>
      )}
      {changes && !addInDialog && <AddAllergy changes={changes} />}
      {changes && addInDialog && (
        <div className="actions">
          <AddDialog label={t('AllergiesCard.addAllergy')}>
            {(done) => (
              <AddAllergy
                changes={changes}
                onAdded={(text) => {
                  setAdded(text);
                  done();
                }}
              />
            )}
          </AddDialog>
        </div>
      )}
      {addInDialog && <FormMessage success={added} />}
    </section>
  );
}

/** Take off asks why (entered in error, or no longer applies) before main removes it. */
function TakeOff({ allergy, changes }: { allergy: PatientAllergy; changes: AllergyChanges }) {
  const { t } = useTranslation('patients');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<AllergyRemovalReason>('entered_in_error');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await changes.remove(allergy.id, reason);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setAsking(false);
    changes.onSaved(result.value);
  }

  if (!asking) {
    return (
      <button
        type="button"
        aria-label={t('AllergiesCard.takeOffTheRecord', { substance: allergy.substance })}
        onClick={() => setAsking(true)}
      >
        {t('AllergiesCard.takeOff')}
      </button>
    );
  }
  return (
    <span className="row-actions allergy-take-off">
      <SelectField
        label={t('AllergiesCard.whyTakeOff', { substance: allergy.substance })}
        value={reason}
        options={ALLERGY_REMOVAL_REASONS.map((value) => ({ value, label: allergyRemovalLabel(value) }))}
        onChange={(event) => setReason(event.target.value as AllergyRemovalReason)}
      />
      <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
        {t('AllergiesCard.takeOff2', { substance: allergy.substance })}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('AllergiesCard.keep')}
      </button>
      {error && (
        <p role="alert" className="row-message field-error">
          {error}
        </p>
      )}
    </span>
  );
}

/** The add form; `onAdded` (in a dialog) takes the confirmation instead of the form showing it. */
function AddAllergy({ changes, onAdded }: { changes: AllergyChanges; onAdded?: (text: string) => void }) {
  const { t } = useTranslation('patients');
  const [substance, setSubstance] = useState('');
  const [reaction, setReaction] = useState('');
  const [severity, setSeverity] = useState<AllergySeverity>('unknown');
  const [added, setAdded] = useState<string | null>(null);
  const allergy = { substance, reaction: reaction || null, severity };
  const errors = useFormErrors({ substance, reaction, severity }, () => changes.check(allergy));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setAdded(null);
    const local = changes.check(allergy);
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['substance', 'reaction', 'severity']);
    const result = await changes.add(allergy);
    if (!result.ok) return errors.show(result.error, ['substance', 'reaction', 'severity']);
    changes.onSaved(result.value);
    const text = t('AllergiesCard.added', { trim: substance.trim() });
    if (onAdded) return onAdded(text);
    setAdded(text);
    setSubstance('');
    setReaction('');
    setSeverity('unknown');
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('AllergiesCard.addAllergy')}
      className="allergy-add"
    >
      {!onAdded && <h3>{t('AllergiesCard.addAllergy')}</h3>}
      <Field
        label={t('AllergiesCard.substance')}
        value={substance}
        onChange={(event) => setSubstance(event.target.value)}
        error={errors.errors.fields.substance}
      />
      <Field
        label={t('AllergiesCard.reaction')}
        value={reaction}
        onChange={(event) => setReaction(event.target.value)}
        error={errors.errors.fields.reaction}
      />
      <SelectField
        label={t('AllergiesCard.severity')}
        value={severity}
        options={ALLERGY_SEVERITIES.map((value) => ({ value, label: value }))}
        onChange={(event) => setSeverity(event.target.value as AllergySeverity)}
        error={errors.errors.fields.severity}
      />
      <FormMessage error={errors.errors.form} success={added} />
      <button type="submit">{t('AllergiesCard.addAllergy')}</button>
    </form>
  );
}
