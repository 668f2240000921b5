import { useTranslation } from '../../i18n';
/** Why a drag was refused, above the grid where the block snapped back. */
export function MoveRefusal({
  message,
  reasons,
  onDismiss,
}: {
  message: string;
  reasons: readonly string[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation('calendar');
  return (
    <div role="alert" className="form-error cal-problems cal-refusal">
      <strong>{message}</strong>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('MoveRefusal.dismiss')}
      </button>
    </div>
  );
}
