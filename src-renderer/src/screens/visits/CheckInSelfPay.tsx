import { Trans, useTranslation } from '../../i18n';
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
  const { t } = useTranslation('visits');
  return (
    <div className="checkin-self-pay">
      <label className="checkbox">
        <Trans
          t={t}
          i18nKey="CheckInSelfPay.billThisVisitAsSelf"
          components={{
            input: (
              <input
                type="checkbox"
                checked={checked}
                disabled={busy}
                onChange={(event) => onChange(event.target.checked)}
              />
            ),
          }}
        />
      </label>
      <p className="hint">
        {!insured
          ? t('CheckInSelfPay.noPolicyInForceThe')
          : checked
            ? t('CheckInSelfPay.thePatientPaysThisVisit')
            : t('CheckInSelfPay.tickWhenThePatientPays')}{' '}
        {checked && !arrived ? t('CheckInSelfPay.savedWithTheArrival') : ''}
      </p>
    </div>
  );
}
