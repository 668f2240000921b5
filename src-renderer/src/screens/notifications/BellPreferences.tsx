import { useEffect, useState } from 'react';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../../src-shared/api/areas/notifications';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

/** "What the bell shows": one checkbox per kind, kept per person (on every desk, once synced). */
export function BellPreferences({ hidden, onSaved }: { hidden: readonly NotificationKind[]; onSaved: () => void }) {
  const { t } = useTranslation('notifications');
  const [failed, setFailed] = useState<string | null>(null);
  // The box follows the click at once; main's answer (re-read by the bell) then settles it.
  const [off, setOff] = useState<readonly NotificationKind[]>(hidden);
  useEffect(() => setOff(hidden), [hidden]);

  async function save(kind: NotificationKind, onScreen: boolean) {
    setOff(onScreen ? off.filter((k) => k !== kind) : [...off, kind]);
    const result = await call('notifications.setShown', { kind, onScreen });
    setFailed(result.ok ? null : result.error.message);
    onSaved();
  }

  return (
    <details className="bell-prefs">
      <summary>{t('Preferences.summary')}</summary>
      <fieldset>
        <legend>{t('Preferences.legend')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={!off.includes(kind)}
              onChange={(event) => void save(kind, event.target.checked)}
            />
            {t(`Preferences.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      {failed && <p role="alert">{failed}</p>}
    </details>
  );
}
