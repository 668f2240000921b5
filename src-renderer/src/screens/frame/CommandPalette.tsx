import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { todayIn } from '../../../../src-shared/patients/dates';
import { useCalendarDate } from '../../format/calendar-date';
import { useProcedure } from '../../hooks/useProcedure';
import { navigate } from '../../hooks/navigation';
import { useTranslation } from '../../i18n';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { matchItems, paletteScreens, patientActions, type PaletteItem } from './palette-items';
import { useSyncedOnlyListed } from './useSyncedOnlyListed';
import { trapTab, typingIn, useOverlays } from './overlays';
import './palette.css';

/** A row of the results: a patient with the actions beside them, or one screen or action. */
interface Row {
  key: string;
  items: PaletteItem[];
  /** A patient's row: their name and date of birth beside the first item. */
  detail?: string;
}

/** The closed palette: listens for Ctrl+K and `/` anywhere in the signed-in app (the header's Search opens it too). */
export function CommandPalette() {
  const open = useOverlays((state) => state.open === 'palette');
  const show = useOverlays((state) => state.show);
  const close = useOverlays((state) => state.close);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      show('palette');
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      useOverlays.getState().dismiss('palette');
    };
  }, [show]);

  // Escape puts the focus back where it was; going somewhere leaves it to the screen opened.
  return open ? <PaletteDialog onClose={close} /> : null;
}

function PaletteDialog({ onClose }: { onClose: (went: boolean) => void }) {
  const { t } = useTranslation('frame');
  const can = useSession((state) => state.can);
  const showDate = useCalendarDate();
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const listed = useSyncedOnlyListed();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState({ row: 0, col: 0 });
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const canFindPatients = can('patients:read');
  const typed = query.trim();
  // The Patients screen's own search: the same procedure, the same ranking.
  const found = useProcedure('patients.search', canFindPatients && typed !== '' ? { query: typed, limit: 8 } : null);
  const providers = useProcedure('schedule.listProviders', can('appointments:read') ? {} : null).value;
  const today = zone ? todayIn(zone, Date.now()) : '';

  const everything = paletteScreens(can, listed, providers ?? [], today);
  const patients = typed === '' || found.stale ? [] : (found.value ?? []);
  const screens = matchItems(everything, typed);
  const rows: Row[] = [
    ...patients.map((patient) => ({
      key: patient.id,
      detail: t('palette.patientDetail', { dob: showDate(patient.dob), mrn: patient.mrn }),
      items: [
        { id: `patient:${patient.id}`, label: patient.name, href: `#/patients/${patient.id}` },
        ...patientActions(patient, can),
      ],
    })),
    ...screens.map((item) => ({ key: item.id, items: [item] })),
  ];
  const row = Math.min(at.row, rows.length - 1);
  const current = row >= 0 ? rows[row] : undefined;
  const col = current ? Math.min(at.col, current.items.length - 1) : 0;
  const active = current?.items[col];

  useEffect(() => {
    input.current?.focus();
  }, []);

  function go(item: PaletteItem) {
    onClose(true);
    navigate(item.href);
  }

  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.key === 'Escape') onClose(false);
    else if (event.key === 'Tab') trapTab(dialog.current, event);
    else if (event.target !== input.current) return;
    else if (event.key === 'ArrowDown') setAt({ row: Math.min(row + 1, rows.length - 1), col: 0 });
    else if (event.key === 'ArrowUp') setAt({ row: Math.max(row - 1, 0), col: 0 });
    else if (event.key === 'ArrowRight' && current && col < current.items.length - 1 && typedToEnd())
      setAt({ row, col: col + 1 });
    else if (event.key === 'ArrowLeft' && col > 0) setAt({ row, col: col - 1 });
    else if (event.key === 'Enter' && active) go(active);
    else return;
    event.preventDefault();
  }

  /** ArrowRight moves into a patient's actions only once the caret is at the end of what was typed. */
  function typedToEnd(): boolean {
    const box = input.current;
    return !box || box.selectionStart === box.value.length;
  }

  const optionId = (item: PaletteItem) => `palette-${item.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const counted =
    typed === ''
      ? t('palette.typeToSearch')
      : t('palette.counts', {
          patients: t('palette.patientCount', { count: patients.length }),
          screens: t('palette.screenCount', { count: screens.length }),
        });

  return (
    <div className="palette-backdrop" onMouseDown={() => onClose(false)}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="palette-title"
        className="palette"
        onKeyDown={onKeyDown}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <h2 id="palette-title" className="palette-title">
          {t('palette.title')}
        </h2>
        <label htmlFor="palette-input">{t('palette.label')}</label>
        <input
          id="palette-input"
          ref={input}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={rows.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={active ? optionId(active) : undefined}
          aria-describedby="palette-hint"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setAt({ row: 0, col: 0 });
          }}
        />
        <small id="palette-hint" className="hint">
          {t('palette.hint')}
        </small>
        <p role="status" className="palette-count">
          {counted}
        </p>
        {found.error && <p className="form-error">{found.error.message}</p>}
        <ul id="palette-results" role="listbox" aria-label={t('palette.results')} className="palette-results">
          {rows.map((each, r) => (
            <li key={each.key} role="group" aria-label={each.items[0]?.label} className="palette-row">
              {each.items.map((item, c) => (
                <div
                  key={item.id}
                  id={optionId(item)}
                  role="option"
                  aria-selected={r === row && c === col}
                  aria-label={item.name}
                  className={c === 0 ? 'palette-option palette-main' : 'palette-option palette-action'}
                  onClick={() => go(item)}
                >
                  {item.label}
                  {c === 0 && each.detail && <small className="muted"> {each.detail}</small>}
                </div>
              ))}
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => onClose(false)}>
          {t('palette.close')}
        </button>
      </div>
    </div>
  );
}
