import { Field } from '../../components/Field';
import { useTranslation } from '../../i18n';

export interface BreakDraft {
  start: string;
  end: string;
}

/** A template's breaks as a short list of start/end pairs; main's errors land on `breaks.N`, `breaks.N.start`, `breaks.N.end`. */
export function BreaksEditor({
  breaks,
  onChange,
  errors,
}: {
  breaks: BreakDraft[];
  onChange: (breaks: BreakDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('scheduling-setup');
  const set = (index: number, change: Partial<BreakDraft>) =>
    onChange(breaks.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const listError = errors.breaks;
  return (
    <fieldset>
      <legend>{t('BreaksEditor.breaks')}</legend>
      {breaks.length === 0 && <p className="hint">{t('BreaksEditor.noBreaks')}</p>}
      {breaks.map((item, index) => (
        // Breaks have no identity of their own: the row is its position, as main's error paths are.
        <div key={index} className="break-row">
          <Field
            label={t('BreaksEditor.breakStarts', { index: index + 1 })}
            value={item.start}
            placeholder="12:30"
            inputMode="numeric"
            onChange={(event) => set(index, { start: event.target.value })}
            error={errors[`breaks.${index}.start`]}
          />
          <Field
            label={t('BreaksEditor.breakEnds', { index: index + 1 })}
            value={item.end}
            placeholder="13:30"
            inputMode="numeric"
            onChange={(event) => set(index, { end: event.target.value })}
            error={errors[`breaks.${index}.end`]}
          />
          <button type="button" className="break-remove" onClick={() => onChange(breaks.filter((_, i) => i !== index))}>
            {t('BreaksEditor.removeBreak', { index: index + 1 })}
          </button>
          {errors[`breaks.${index}`] && (
            <small className="field-error break-error">
              {t('BreaksEditor.break', { index: index + 1, errors: errors[`breaks.${index}`] })}
            </small>
          )}
        </div>
      ))}
      {listError && <small className="field-error block">{listError}</small>}
      <button
        type="button"
        onClick={() => onChange([...breaks, { start: '', end: '' }])}
        disabled={breaks.length >= 10}
      >
        {t('BreaksEditor.addBreak')}
      </button>
    </fieldset>
  );
}
