import type { ChecklistStep } from '../../../../src-shared/api/areas/settings';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { HomeCard } from './HomeCard';

/** Where each step is done. */
const STEP_LINKS: Record<ChecklistStep, string> = {
  clinic: '#/settings',
  users: '#/users',
  locations: '#/setup/locations',
  providers: '#/setup/hours',
  types: '#/setup/types',
  book: '#/calendar',
};

/**
 * The administrator's first-run checklist (`settings.checklist`): each step links to its set-up screen
 * and ticks by itself when what it asks for exists. Ticks are words as well as marks.
 */
export function SetupChecklist() {
  const { t } = useTranslation('home');
  const read = useProcedure(
    'settings.checklist',
    {},
    {
      refreshOn: {
        'settings.changed': true,
        'users.changed': true,
        'schedule.changed': true,
        'appointments.changed': true,
      },
    },
  );
  const steps = read.value ?? [];
  const left = steps.filter((step) => !step.done).length;
  return (
    <HomeCard
      id="home-checklist"
      className="setup-checklist"
      title={left === 0 && read.value ? t('checklist.ready') : t('checklist.title')}
      count={left > 0 ? left : undefined}
      loading={read.value === null && !read.error}
      error={read.error?.message}
    >
      {steps.map(({ step, done }, index) => (
        <li key={step} className="home-row">
          <span className="home-when" aria-hidden="true">
            {done ? '✓' : `${index + 1}.`}
          </span>
          <span className="home-who">
            <a href={STEP_LINKS[step]}>{t(`checklist.${step}`)}</a>
            <span className="muted">{t(`checklist.${step}Hint`)}</span>
          </span>
          <span className={done ? 'badge badge-ok' : 'badge'}>{done ? t('checklist.done') : t('checklist.toDo')}</span>
        </li>
      ))}
    </HomeCard>
  );
}
