import { useState } from 'react';
import type { Language } from '../../../../src-shared/api/areas/settings';
import { LANGUAGES } from '../../../../src-shared/validation';
import { call } from '../../api';
import { useTranslation } from '../../i18n';
import { languageLabel } from '../../i18n/labels';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';

/**
 * The signed-in user's own language, in the top bar because every user may choose it (the clinic's
 * language is under Settings, for those who manage settings). "Clinic's" follows the clinic's setting.
 */
export function LanguagePicker() {
  const { t } = useTranslation('frame');
  const session = useSession((state) => state.session);
  const signedIn = useSession((state) => state.signedIn);
  const clinic = useClinicSettings((state) => state.settings?.language ?? 'en');
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;
  const mine = session.user.language ?? '';

  async function choose(value: string) {
    const language = value === '' ? null : (value as Language);
    const result = await call('users.setMyLanguage', { language });
    if (result.ok) {
      setError(null);
      signedIn(result.value);
    } else {
      setError(t('Header.languageNotSaved', { message: result.error.message }));
    }
  }

  return (
    <label className="topbar-language">
      <span>{t('Header.language')}</span>
      <select
        value={mine}
        onChange={(event) => void choose(event.target.value)}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
      >
        <option value="">{t('Header.clinicLanguage', { language: languageLabel(clinic) })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageLabel(language)}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </label>
  );
}
