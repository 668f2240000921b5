import { useEffect, useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { TimeZoneField } from '../../components/TimeZoneField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';

const POLL_MS = 700;

/**
 * "Try with sample data": this still empty clinic becomes a demo of made-up staff, patients and a week
 * of appointments (`system.startDemo`). It says first that the folder stays a demo for good, since the
 * demo mark cannot be undone, then shows the making until the sign-in screen with the demo accounts.
 */
export function TryDemoPanel() {
  const { t } = useTranslation('setup');
  const checkAgain = useSession((state) => state.checkAgain);
  const [draft, setDraft] = useState({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const [started, setStarted] = useState(false);
  const problems = () => draftProblems('system.startDemo', draft);
  const { errors, show, showProblems, clear } = useFormErrors(draft, problems);
  const status = useProcedure('system.status', started ? {} : null);
  const build = status.value?.demoBuild ?? null;
  const making = started && (build?.state === 'running' || status.value === null);
  const failed = build?.state === 'failed' ? build.message : null;

  const { readAgain } = status;
  useEffect(() => {
    if (!making) return;
    const timer = setInterval(() => void readAgain(), POLL_MS);
    return () => clearInterval(timer);
  }, [making, readAgain]);
  useEffect(() => {
    if (started && status.value?.demo && build === null) checkAgain();
  }, [started, status.value, build, checkAgain]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['timeZone']);
    const result = await call('system.startDemo', draft);
    if (!result.ok) return show(result.error, ['timeZone']);
    setStarted(true);
  }

  if (started && !failed) {
    return (
      <div role="status">
        <p className="lead">{t('TryDemoPanel.making')}</p>
        <progress aria-label={t('TryDemoPanel.makingLabel')} />
      </div>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="lead">{t('TryDemoPanel.lead')}</p>
      <p>{t('TryDemoPanel.forGood')}</p>
      <TimeZoneField
        value={draft.timeZone}
        onChange={(event) => setDraft({ timeZone: event.target.value })}
        error={errors.fields.timeZone}
        hint={t('TryDemoPanel.timeZoneHint')}
      />
      <FormMessage error={failed ? t('TryDemoPanel.failed', { message: failed }) : errors.form} />
      <button type="submit" className="primary">
        {t('TryDemoPanel.makeDemo')}
      </button>
    </form>
  );
}
