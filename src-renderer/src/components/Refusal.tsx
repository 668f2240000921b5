import { useTranslation } from '../i18n';
/** What a person sees on a screen their role does not open (the nav hides it; the address may not). */
export function Refusal({ area, headed = true }: { area: string; headed?: boolean }) {
  const { t } = useTranslation('common');
  const message = (
    <p role="alert" className="form-error">
      {t('Refusal.youDoNotHavePermission', { area })}
    </p>
  );
  if (!headed) return message;
  return (
    <section>
      <h1>{area}</h1>
      {message}
    </section>
  );
}
