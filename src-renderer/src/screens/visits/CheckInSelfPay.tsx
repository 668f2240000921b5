interface CheckInSelfPayProps {
  checked: boolean;
  busy: boolean;
  /** The visit exists (arrived): the mark is saved at once; before arrival it is saved with the arrival. */
  arrived: boolean;
  insured: boolean;
  onChange: (selfPay: boolean) => void;
}

/**
 * "Bill this visit as self-pay": the patient pays this visit themselves although they have insurance. Main
 * builds the visit's draft invoice for self-pay (and moves a draft already built), so check-out shows it.
 */
export function CheckInSelfPay({ checked, busy, arrived, insured, onChange }: CheckInSelfPayProps) {
  return (
    <div className="checkin-self-pay">
      <label className="checkbox">
        <input type="checkbox" checked={checked} disabled={busy} onChange={(event) => onChange(event.target.checked)} />{' '}
        Bill this visit as self-pay
      </label>
      <p className="hint">
        {!insured
          ? 'No policy in force: the visit is billed self-pay either way.'
          : checked
            ? 'The patient pays this visit; their insurer is not billed for it.'
            : 'Tick when the patient pays this visit themselves: their insurer is then not billed.'}{' '}
        {checked && !arrived ? 'Saved with the arrival.' : ''}
      </p>
    </div>
  );
}
