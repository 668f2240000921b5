import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import './backups.css';

/** Prints the sheet alone: the class tells the print style sheet to hide everything else. */
export function printRecoverySheet(): void {
  document.body.classList.add('printing-recovery-sheet');
  const done = () => {
    document.body.classList.remove('printing-recovery-sheet');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/**
 * The recovery sheet as it is printed: the key in eight groups, the clinic, the date it was made and
 * what to do with it. Shown once; Front Desk keeps only the database key wrapped under it.
 */
export function RecoverySheetView({ sheet }: { sheet: RecoverySheet }) {
  const clock = useClinicClock();
  return (
    <article className="recovery-sheet" aria-label="Recovery sheet">
      <h2>Front Desk recovery sheet</h2>
      <dl>
        <dt>Clinic</dt>
        <dd>{sheet.clinicName}</dd>
        <dt>Made on</dt>
        <dd>{formatDate(sheet.createdAt, clock)}</dd>
      </dl>
      <p>Recovery key:</p>
      <p className="recovery-key" aria-label="Recovery key" data-testid="recovery-key">
        {sheet.recoveryKey.split('-').map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </p>
      <p>
        This key opens the clinic&rsquo;s database and its backups when this computer&rsquo;s keychain is lost (a reset
        user profile, a new computer). Keep this sheet locked away from the computer, as you would a safe&rsquo;s
        combination. Whoever has it and a backup can read the clinic&rsquo;s records.
      </p>
      <p>
        A newer sheet replaces this one: an administrator who makes a new key under Backup makes this sheet useless for
        the clinic (backups made before keep opening with the key of their day).
      </p>
    </article>
  );
}
