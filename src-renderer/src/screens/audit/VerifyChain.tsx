import { useAudit } from '../../stores/audit';

/** Recomputes the hash chain in main and says whether any entry was altered or removed. */
export function VerifyChain() {
  const verification = useAudit((state) => state.verification);
  const verifyError = useAudit((state) => state.verifyError);
  const verify = useAudit((state) => state.verify);

  return (
    <div className="verify">
      <button type="button" onClick={() => void verify()}>
        Verify chain
      </button>
      <div role="status" className="verify-result">
        {verification?.ok === true && (
          <p className="form-success">Chain intact: {verification.checked} entries checked.</p>
        )}
        {verification?.ok === false && (
          <p className="form-error">
            Chain broken at entry {verification.brokenAtSeq} ({verification.checked} checked): {verification.reason}
          </p>
        )}
        {verifyError && <p className="form-error">{verifyError}</p>}
      </div>
    </div>
  );
}
