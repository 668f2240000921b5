import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import { SEXES, type DuplicateCandidate, type PatientRecord } from '../../../../src-shared/patients/model';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import type { ApiErrorData, Result } from '../../../../src-shared/api/errors';
import { parseDateInput } from '../../../../src-shared/patients/dates';
import { dateReadBack } from '../../format/calendar-date';
import { Field, TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useDebounced } from '../../hooks/useDebounced';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useProcedure } from '../../hooks/useProcedure';
import { DuplicatePanel } from './DuplicatePanel';
import {
  addressFrom,
  createInputFrom,
  formErrorsFrom,
  phoneErrorName,
  phonesFrom,
  updateInputFrom,
  type PatientFormValues,
  type PatientTextField,
} from './patient-form';
import { PhonesEditor } from './PhonesEditor';
import { Trans, useTranslation } from '../../i18n';
import { sexLabel } from '../../i18n/labels';

const DUPLICATE_CHECK_DELAY_MS = 250;

export interface PatientFormProps {
  /** The record being edited; null when registering a new patient. */
  record: PatientRecord | null;
  initial: PatientFormValues;
  dateFormat: DateFormat;
  label: string;
  submitLabel: string;
  cancelHref: string;
  /** Sends the values (createInputFrom / updateInputFrom build the input). */
  save: (values: PatientFormValues, notDuplicateOf: string[]) => Promise<Result<PatientRecord>>;
  saved: (record: PatientRecord) => void;
}

/**
 * The patient form used to register and to edit: validation next to each field, dates typed in the
 * clinic's format, duplicate candidates with their reasons while typing (never the patient itself),
 * and a guard against leaving with unsaved changes.
 */
export function PatientForm({
  record,
  initial,
  dateFormat,
  label,
  submitLabel,
  cancelHref,
  save,
  saved,
}: PatientFormProps) {
  const { t } = useTranslation('patients');
  const [form, setForm] = useState(initial);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const dobIso = parseDateInput(form.dob, dateFormat);
  /**
   * Main's field paths → where the form shows them (a field, or a phone row by its key); a path the form
   * has no place for keeps main's name, for the message by the button.
   */
  const placed = (fields: Record<string, string>) => {
    const { byName, unplaced } = formErrorsFrom(fields, phonesFrom(form).rowKeys);
    const rest = Object.fromEntries(unplaced.map((path) => [path, fields[path] ?? '']));
    return { fields: { ...rest, ...byName }, shown: Object.keys(byName) };
  };
  /** What is wrong as typed: the date of birth as the clinic writes dates, then main's rules for the save. */
  const problems = (): Record<string, string> => ({
    ...placed(
      record
        ? draftProblems('patients.update', updateInputFrom(form, dateFormat, record, confirmed))
        : draftProblems('patients.create', createInputFrom(form, dateFormat, confirmed)),
    ).fields,
    ...(form.dob && !dobIso && { dob: t('PatientForm.mustBeARealDate', { dateFormat }) }),
  });
  // A phone row's problems stand under the row's own names, so one goes when that row changes.
  const shownValues: Record<string, unknown> = { ...form };
  for (const row of form.phones) {
    shownValues[phoneErrorName(row.key, 'number')] = row.number;
    shownValues[phoneErrorName(row.key, 'kind')] = row.kind;
    shownValues[phoneErrorName(row.key, 'isPrimary')] = row.isPrimary;
  }
  const errors = useFormErrors(shownValues, problems);
  /** The names among `problems` the form shows by a field or a phone row (the rest go by the button). */
  const placedNames = (problems: Record<string, string>) =>
    Object.keys(problems).filter((name) => name in shownValues && name !== 'phones' && name !== 'active');
  const fieldErrors = errors.errors.fields;
  const activeHintId = useId();
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  useLeaveGuard(dirty && !busy);

  // Live duplicate candidates while typing, a moment after the last keystroke; every phone typed counts.
  const excludePatientId = record?.id;
  const typedPhones = form.phones
    .map((row) => row.number.trim())
    .filter((number) => number !== '')
    .join('\n');
  // The address too: it supports a likeness, and candidates are also fetched by postcode or town.
  const { line1, line2, city, region, postalCode, country } = form;
  const address = useMemo(
    () => addressFrom({ line1, line2, city, region, postalCode, country }),
    [line1, line2, city, region, postalCode, country],
  );
  const draft =
    !form.lastName && !form.firstName && !typedPhones && !form.email && !form.nationalId
      ? null
      : {
          excludePatientId,
          firstName: form.firstName,
          middleName: form.middleName || null,
          lastName: form.lastName,
          dob: dobIso,
          email: form.email || null,
          nationalId: form.nationalId || null,
          phones: typedPhones ? typedPhones.split('\n').map((number) => ({ number })) : [],
          address,
          limit: 5,
        };
  const settledDraft = useDebounced(draft, DUPLICATE_CHECK_DELAY_MS);
  const duplicates = useProcedure('patients.findDuplicates', draft === null ? null : settledDraft);
  // Emptied fields clear the candidates at once; otherwise the last ones stay until the new answer.
  const candidates: DuplicateCandidate[] = draft === null ? [] : (duplicates.value ?? []);

  const update = (key: PatientTextField | 'sex') => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  /** Main's refusal, each path under the field or phone row that shows it; any other is spelled out by the button. */
  function showError(error: ApiErrorData) {
    const { fields, shown } = placed(error.details?.fields ?? {});
    errors.show({ ...error, details: { ...error.details, fields } }, shown);
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, placedNames(local));
    setBusy(true);
    const result = await save(form, confirmed);
    setBusy(false);
    if (!result.ok) return showError(result.error);
    saved(result.value);
  }

  const fieldError = (name: string) => fieldErrors[name];
  const text = (name: PatientTextField, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field label={label} value={form[name]} onChange={update(name)} error={fieldError(name)} {...extra} />
  );
  const dateHint = (value: string) => dateReadBack(value, dateFormat);

  return (
    <div className="two-columns">
      <form className="card wide" onSubmit={(event) => void submit(event)} noValidate aria-label={label}>
        <div className="row">
          {text('firstName', t('PatientForm.firstName'), { autoFocus: true })}
          {text('middleName', t('PatientForm.middleName'))}
        </div>
        <div className="row">
          {text('lastName', t('PatientForm.lastName'))}
          {text('preferredName', t('PatientForm.preferredName'))}
        </div>
        <div className="row">
          {text('dob', t('PatientForm.dateOfBirth'), { placeholder: dateFormat, hint: dateHint(form.dob) })}
          <SelectField
            label={t('PatientForm.sex')}
            value={form.sex}
            options={SEXES.map((sex) => ({ value: sex, label: sexLabel(sex) }))}
            onChange={update('sex')}
            error={fieldError('sex')}
          />
        </div>
        <div className="row">
          {text('genderIdentity', t('PatientForm.genderIdentity'), { hint: t('PatientForm.asThePatientDescribesIt') })}
          {text('preferredLanguage', t('PatientForm.preferredLanguage'))}
        </div>
        <PhonesEditor rows={form.phones} onChange={(phones) => setForm({ ...form, phones })} errors={fieldErrors} />
        <div className="row">
          {text('email', t('PatientForm.email'), { type: 'email' })}
          {text('nationalId', t('PatientForm.nationalId'), {
            hint: record?.nationalIdMasked
              ? t('PatientForm.onFileLeaveBlankTo', { nationalIdMasked: record.nationalIdMasked })
              : t('PatientForm.storedShownMaskedFoundOnly'),
          })}
        </div>
        <fieldset>
          <legend>{t('PatientForm.addressAndMore')}</legend>
          <div className="row">
            {text('line1', t('PatientForm.addressLine1'))}
            {text('line2', t('PatientForm.addressLine2'))}
          </div>
          <div className="row">
            {text('city', t('PatientForm.city'))}
            {text('region', t('PatientForm.region'), { hint: t('PatientForm.stateCountyOrProvince') })}
          </div>
          <div className="row">
            {text('postalCode', t('PatientForm.postalCode'))}
            {text('country', t('PatientForm.country'))}
          </div>
          <TextAreaField
            label={t('PatientForm.notes')}
            rows={3}
            value={form.notes}
            onChange={update('notes')}
            error={fieldError('notes')}
          />
          {record && (
            <div className="row">
              {text('deceasedDate', t('PatientForm.dateOfDeath'), {
                placeholder: dateFormat,
                hint: form.deceasedDate ? dateHint(form.deceasedDate) : t('PatientForm.blankWhileAlive'),
              })}
              <div className="field active-field">
                <label className="checkbox">
                  <Trans
                    t={t}
                    i18nKey="PatientForm.activePatient"
                    components={{
                      input: (
                        <input
                          type="checkbox"
                          checked={form.active}
                          onChange={(event) => setForm({ ...form, active: event.target.checked })}
                          aria-describedby={activeHintId}
                        />
                      ),
                    }}
                  />
                </label>
                <small id={activeHintId} className="hint">
                  {t('PatientForm.inactivePatientsAreStillFound')}
                </small>
              </div>
            </div>
          )}
        </fieldset>
        <FormMessage error={errors.errors.form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('PatientForm.saving') : submitLabel}
          </button>
          <a className="button" href={cancelHref}>
            {t('PatientForm.cancel')}
          </a>
          {dirty && <span className="hint">{t('PatientForm.unsavedChanges')}</span>}
        </div>
      </form>
      <DuplicatePanel
        candidates={candidates}
        confirmed={confirmed}
        onConfirm={(id, notSame) =>
          setConfirmed(notSame ? [...confirmed, id] : confirmed.filter((other) => other !== id))
        }
      />
    </div>
  );
}
