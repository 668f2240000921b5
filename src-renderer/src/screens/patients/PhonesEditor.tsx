import { useEffect, useId, useRef, useState } from 'react';
import { PHONE_KINDS, type PhoneKind } from '../../../../src-shared/patients/model';
import { Field } from '../../components/Field';
import { usePhoneReadBack } from '../../format/phone';
import { SelectField } from '../../components/SelectField';
import {
  MAX_PHONES,
  phoneErrorName,
  withNewPhone,
  withoutPhone,
  withPrimaryPhone,
  type PhoneRow,
} from './patient-form';
import { Trans, useTranslation } from '../../i18n';
import { phoneKindLabel } from '../../i18n/labels';

interface PhonesEditorProps {
  rows: PhoneRow[];
  onChange: (rows: PhoneRow[]) => void;
  /** The form's errors by name; a row's are under `phone:<key>.<part>` (see phoneErrorName). */
  errors: Record<string, string>;
}

/**
 * The patient's phones as rows: number, kind, one "Primary" radio across the rows (the arrow keys move
 * it, as in any radio group), and Remove. Adding a row puts the cursor in its number; removing one puts
 * it in the row that took its place, else the row before, else on "Add phone". Numbers are normalised by main when saved.
 */
export function PhonesEditor({ rows, onChange, errors }: PhonesEditorProps) {
  const { t } = useTranslation('patients');
  const readBack = usePhoneReadBack();
  const radioName = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (focusKey === null) return;
    const input = [...(fieldset.current?.querySelectorAll<HTMLInputElement>('input[data-phone-key]') ?? [])].find(
      (element) => element.dataset.phoneKey === focusKey,
    );
    (input ?? addButton.current)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const edit = (key: string, change: Partial<PhoneRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  function add() {
    const next = withNewPhone(rows);
    onChange(next);
    setFocusKey(next[next.length - 1]?.key ?? null);
  }

  function remove(index: number) {
    const key = rows[index]?.key;
    if (key === undefined) return;
    const next = withoutPhone(rows, key);
    onChange(next);
    setFocusKey((next[index] ?? next[index - 1])?.key ?? '');
  }

  return (
    <fieldset className="phones" ref={fieldset}>
      <legend>{t('PhonesEditor.phones')}</legend>
      {rows.length === 0 && <p className="hint">{t('PhonesEditor.noPhoneOnFile')}</p>}
      {rows.map((row, index) => (
        <div
          key={row.key}
          role="group"
          aria-label={t('PhonesEditor.phone', { index: index + 1 })}
          className="phone-row"
        >
          <Field
            label={t('PhonesEditor.phone2', { KIND_LABELS: phoneKindLabel(row.kind) })}
            type="tel"
            autoComplete="off"
            value={row.number}
            onChange={(event) => edit(row.key, { number: event.target.value })}
            error={errors[phoneErrorName(row.key, 'number')]}
            hint={readBack(row.number)}
            data-phone-key={row.key}
          />
          <SelectField
            label={t('PhonesEditor.kind')}
            value={row.kind}
            options={PHONE_KINDS.map((kind) => ({ value: kind, label: phoneKindLabel(kind) }))}
            onChange={(event) => edit(row.key, { kind: event.target.value as PhoneKind })}
            error={errors[phoneErrorName(row.key, 'kind')]}
          />
          <div className="phone-row-actions">
            <label className="checkbox">
              <Trans
                t={t}
                i18nKey="PhonesEditor.primary"
                components={{
                  input: (
                    <input
                      type="radio"
                      name={radioName}
                      checked={row.isPrimary}
                      onChange={() => onChange(withPrimaryPhone(rows, row.key))}
                    />
                  ),
                }}
              />
            </label>
            <button
              type="button"
              aria-label={t('PhonesEditor.removePhone', { index: index + 1 })}
              onClick={() => remove(index)}
            >
              {t('PhonesEditor.remove')}
            </button>
          </div>
          {errors[phoneErrorName(row.key, 'isPrimary')] && (
            <small className="field-error phone-row-error">{errors[phoneErrorName(row.key, 'isPrimary')]}</small>
          )}
        </div>
      ))}
      <div className="actions phones-actions">
        <button type="button" ref={addButton} onClick={add} disabled={rows.length >= MAX_PHONES}>
          {t('PhonesEditor.addPhone')}
        </button>
        <small className="hint">
          {rows.length >= MAX_PHONES
            ? t('PhonesEditor.atMostPhones', { MAX_PHONES })
            : t('PhonesEditor.thePrimaryPhoneIsThe')}
        </small>
      </div>
    </fieldset>
  );
}
