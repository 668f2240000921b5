import { useState } from 'react';
import type { AuditVerification } from '../../../../src-shared/api/areas/audit';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

/** Recomputes the hash chains in main (this desk's, then each other device's) and says whether any entry was altered or removed. */
export function VerifyChain() {
  const { t } = useTranslation('audit');
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  // Run on the user's click only: checking the whole chain is work nobody asked for on opening the screen.
  async function verify() {
    setVerification(null);
    setVerifyError(null);
    const result = await call('audit.verify', {});
    if (result.ok) setVerification(result.value);
    else setVerifyError(result.error.message);
  }

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
        {verification && verification.devices.length > 0 && (
          <ul aria-label={t('VerifyChain.otherDevices')}>
            {verification.devices.map((chain) => (
              <li key={chain.deviceId} className={chain.ok ? 'form-success' : 'form-error'}>
                {chain.ok
                  ? t('VerifyChain.deviceIntact', { device: chain.deviceId, checked: chain.checked })
                  : t('VerifyChain.deviceBroken', {
                      device: chain.deviceId,
                      brokenAtSeq: chain.brokenAtSeq,
                      checked: chain.checked,
                      reason: chain.reason,
                    })}
              </li>
            ))}
          </ul>
        )}
        {verifyError && <p className="form-error">{verifyError}</p>}
      </div>
    </div>
  );
}
