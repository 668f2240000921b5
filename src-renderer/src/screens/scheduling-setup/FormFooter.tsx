import { FormMessage } from '../../components/FormMessage';
import { useTranslation } from '../../i18n';

/**
 * The foot of every set-up form: main's form-wide error or the success message, the submit button
 * (Add … for a new row, Save … for an edited one) and, when the form edits a row, Cancel.
 */
export function FormFooter({
  error,
  done,
  label,
  busy,
  onCancel,
}: {
  error: string | null;
  done: string | null;
  label: string;
  busy: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('scheduling-setup');
  return (
    <>
      <FormMessage error={error} success={done} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {label}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('FormFooter.cancel')}
          </button>
        )}
      </div>
    </>
  );
}
