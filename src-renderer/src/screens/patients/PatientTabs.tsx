import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

export const PATIENT_TABS = ['overview', 'appointments', 'account', 'documents', 'contacts', 'history'] as const;
export type PatientTab = (typeof PATIENT_TABS)[number];

export function isPatientTab(value: string): value is PatientTab {
  return (PATIENT_TABS as readonly string[]).includes(value);
}

/**
 * The patient page's sections as tabs (the WAI-ARIA pattern): one tab stop, Left/Right/Home/End move
 * between tabs and show them, Tab goes on into the shown panel. Only the shown panel is mounted, so a
 * section's reads (some audited) happen when someone looks at it.
 */
export function PatientTabs({
  tabs,
  shown,
  onShow,
  children,
}: {
  tabs: readonly PatientTab[];
  shown: PatientTab;
  onShow: (tab: PatientTab) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('patients');
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const at = tabs.indexOf(shown);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    const tab = to === null ? undefined : tabs[to];
    if (!tab) return;
    event.preventDefault();
    onShow(tab);
    list.current?.querySelector<HTMLElement>(`#patient-tab-${tab}`)?.focus();
  }

  return (
    <>
      <div ref={list} role="tablist" aria-label={t('PatientTabs.sections')} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`patient-tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === shown}
            aria-controls={`patient-panel-${tab}`}
            tabIndex={tab === shown ? 0 : -1}
            onClick={() => onShow(tab)}
          >
            {t(`PatientTabs.${tab}`)}
          </button>
        ))}
      </div>
      <div id={`patient-panel-${shown}`} role="tabpanel" aria-labelledby={`patient-tab-${shown}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
