import { useState } from 'react';
import type { RemoveResult } from '../../../../src-shared/scheduling/model';
import type { Result } from '../../../../src-shared/api/errors';
import { useTranslation } from '../../i18n';

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
  const { t } = useTranslation('scheduling-setup');
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
            aria-label={t('RemoveAction.yesRemove', { what })}
            disabled={busy}
            autoFocus
            onClick={() => void confirm()}
          >
            {t('RemoveAction.yesRemove2')}
          </button>
          <button type="button" aria-label={t('RemoveAction.keep', { what })} onClick={() => setConfirming(false)}>
            {t('RemoveAction.keep2')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          aria-label={t('RemoveAction.remove', { what })}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          {t('RemoveAction.remove2')}
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
