import { useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { localDateOf } from '../../../../src-shared/scheduling/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useClinicClock } from '../../stores/clinic-settings';
import { HolidaysSection } from './HolidaysSection';
import { HoursSection } from './HoursSection';
import { LocationsSection } from './LocationsSection';
import { ProvidersSection } from './ProvidersSection';
import { SetupListsProvider, useSetupReads } from './setup-lists';
import { TimeOffSection } from './TimeOffSection';
import { TypesSection } from './TypesSection';
import { CalendarFeedsSection } from './CalendarFeedsSection';
import './setup.css';
import { i18next, useTranslation } from '../../i18n';

const SECTIONS: readonly { id: string; label: string; Section: () => JSX.Element }[] = [
  {
    id: 'locations',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.locationsAndRooms');
    },
    Section: LocationsSection,
  },
  {
    id: 'providers',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.providers');
    },
    Section: ProvidersSection,
  },
  {
    id: 'types',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.appointmentTypes');
    },
    Section: TypesSection,
  },
  {
    id: 'hours',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.weeklyHours');
    },
    Section: HoursSection,
  },
  {
    id: 'time-off',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.timeOffAndExtraHours');
    },
    Section: TimeOffSection,
  },
  {
    id: 'holidays',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.clinicHolidays');
    },
    Section: HolidaysSection,
  },
  {
    id: 'calendar-feeds',
    get label() {
      return i18next.t('scheduling-setup:SchedulingSetupScreen.calendarFeeds');
    },
    Section: CalendarFeedsSection,
  },
];

/**
 * `#/setup/<section>`: what the calendar books against — locations and rooms, providers, appointment
 * types, weekly hours with breaks, time off and extra hours, clinic holidays. One tab per section;
 * the arrow keys move between tabs, Tab goes into the section.
 */
export function SchedulingSetupScreen() {
  const { t } = useTranslation('scheduling-setup');
  const detail = useHashDetail();
  const [current, setCurrent] = useState(() =>
    SECTIONS.some((section) => section.id === detail) ? detail : 'locations',
  );
  const clock = useClinicClock();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const today = localDateOf(clock.timeZone, Date.now());
  // Read again on `schedule.changed`: another manager (or this one in another window) changed the set-up.
  const { lists, error } = useSetupReads(today);

  function choose(index: number, focus: boolean) {
    const section = SECTIONS[index];
    if (!section) return;
    setCurrent(section.id);
    // The address keeps the section for a reload, without a history entry per arrow key.
    history.replaceState(history.state, '', `#/setup/${section.id}`);
    if (focus) tabs.current[index]?.focus();
  }

  function onKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = SECTIONS.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(next, true);
  }

  const active = SECTIONS.find((section) => section.id === current) ?? SECTIONS[0];

  return (
    <section className="scheduling-setup">
      <h1>{t('SchedulingSetupScreen.schedulingSetUp')}</h1>
      <ErrorMessage error={error} area={t('SchedulingSetupScreen.schedulingSetUp')} />
      <div role="tablist" aria-label={t('SchedulingSetupScreen.setUpSections')} className="setup-tabs">
        {SECTIONS.map((section, index) => (
          <button
            key={section.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`setup-tab-${section.id}`}
            aria-selected={section.id === active?.id}
            aria-controls="setup-panel"
            tabIndex={section.id === active?.id ? 0 : -1}
            onClick={() => choose(index, false)}
            onKeyDown={(event) => onKey(event, index)}
          >
            {section.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="setup-panel" aria-labelledby={`setup-tab-${active?.id ?? ''}`} className="setup-panel">
        {!lists && !error && <p>{t('SchedulingSetupScreen.loadingTheSetUp')}</p>}
        {lists && active && (
          <SetupListsProvider lists={lists}>
            <active.Section key={active.id} />
          </SetupListsProvider>
        )}
      </div>
    </section>
  );
}
