import { useState } from 'react';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { RecoverySheetStep } from './RecoverySheetStep';

/**
 * When the current recovery key was made, and making a new one (the old sheet stops opening the clinic).
 * The new sheet is shown here once.
 */
export function RecoveryKeySection({
  createdAt,
  sheet,
  onMade,
  onDone,
}: {
  createdAt: number | null;
  sheet: RecoverySheet | null;
  onMade: (sheet: RecoverySheet) => void;
  onDone: () => void;
}) {
  const clock = useClinicClock();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function make() {
    setError(null);
    const result = await call('backups.newRecoveryKey', {});
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    onMade(result.value);
  }

  if (sheet) {
    return (
      <section className="backup-section" aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="no-print">
          New recovery key
        </h2>
        <RecoverySheetStep sheet={sheet} doneLabel="Done" onDone={onDone} />
      </section>
    );
  }
  return (
    <section className="backup-section no-print" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery key</h2>
      <p>
        {createdAt === null
          ? 'This clinic has no recovery key: if this computer’s keychain is lost, nothing can open the database or its backups. Make one now and print it.'
          : `The current recovery key was made on ${formatDate(createdAt, clock)}. If the sheet is lost, or someone who should not have it may have seen it, make a new one: the old sheet stops opening the clinic.`}
      </p>
      {confirming ? (
        <p>
          <button type="button" className="primary" onClick={() => void make()}>
            Make a new recovery key
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>{' '}
          <span className="hint">The old sheet will no longer work.</span>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {createdAt === null ? 'Make a recovery key…' : 'Replace the recovery key…'}
        </button>
      )}
      <FormMessage error={error} />
    </section>
  );
}
