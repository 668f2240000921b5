import { useAudit } from '../../stores/audit';
import { useTranslation } from '../../i18n';

/** Recomputes the hash chain in main and says whether any entry was altered or removed. */
export function VerifyChain() {
  const { t } = useTranslation('audit');
  const verification = useAudit((state) => state.verification);
  const verifyError = useAudit((state) => state.verifyError);
  const verify = useAudit((state) => state.verify);

  return (
    <div className="verify">
      <button type="button" onClick={() => void verify()}>
        {t('VerifyChain.verifyChain')}
      </button>
      <div role="status" className="verify-result">
        {verification?.ok === true && (
          <p className="form-success">
            {t('VerifyChain.chainIntactEntriesChecked', { checked: verification.checked })}
          </p>
        )}
        {verification?.ok === false && (
          <p className="form-error">
            {t('VerifyChain.chainBrokenAtEntryChecked', {
              brokenAtSeq: verification.brokenAtSeq,
              checked: verification.checked,
              reason: verification.reason,
            })}
          </p>
        )}
        {verifyError && <p className="form-error">{verifyError}</p>}
      </div>
    </div>
  );
}
