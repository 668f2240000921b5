import { useState } from 'react';
import type { RemoveResult } from '../../../../src-shared/scheduling/model';
import type { Result } from '../../../../src-shared/api/errors';

/**
 * A row's Remove button: asks once, then calls main. Main's refusal (upcoming appointments, waiting
 * patients) stays next to the button; what main did (deleted or deactivated) goes to `onDone`.
 */
export function RemoveAction({
  what,
  remove,
  onDone,
}: {
  what: string;
  remove: () => Promise<Result<RemoveResult>>;
  onDone: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await remove();
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    onDone(result.value.message);
  }

  return (
    <>
      {confirming ? (
        <span className="row-actions">
          <button
            type="button"
            className="danger"
            aria-label={`Yes, remove ${what}`}
            disabled={busy}
            autoFocus
            onClick={() => void confirm()}
          >
            Yes, remove
          </button>
          <button type="button" aria-label={`Keep ${what}`} onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          aria-label={`Remove ${what}`}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Remove
        </button>
      )}
      {error && (
        <p role="alert" className="row-message field-error">
          {error}
        </p>
      )}
    </>
  );
}
