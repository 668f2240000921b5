import { Field } from '../../components/Field';

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
  const set = (index: number, change: Partial<BreakDraft>) =>
    onChange(breaks.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const listError = errors.breaks;
  return (
    <fieldset>
      <legend>Breaks</legend>
      {breaks.length === 0 && <p className="hint">No breaks.</p>}
      {breaks.map((item, index) => (
        // Breaks have no identity of their own: the row is its position, as main's error paths are.
        <div key={index} className="break-row">
          <Field
            label={`Break ${index + 1} starts`}
            value={item.start}
            placeholder="12:30"
            inputMode="numeric"
            onChange={(event) => set(index, { start: event.target.value })}
            error={errors[`breaks.${index}.start`]}
          />
          <Field
            label={`Break ${index + 1} ends`}
            value={item.end}
            placeholder="13:30"
            inputMode="numeric"
            onChange={(event) => set(index, { end: event.target.value })}
            error={errors[`breaks.${index}.end`]}
          />
          <button type="button" className="break-remove" onClick={() => onChange(breaks.filter((_, i) => i !== index))}>
            Remove break {index + 1}
          </button>
          {errors[`breaks.${index}`] && (
            <small className="field-error break-error">
              Break {index + 1} {errors[`breaks.${index}`]}
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
        Add break
      </button>
    </fieldset>
  );
}
