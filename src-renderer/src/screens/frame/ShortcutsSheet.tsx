import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { KEY_TAGS } from '../../components/key-tags';
import { Trans, useTranslation } from '../../i18n';
import { trapTab, typingIn, useOverlays } from './overlays';
import './palette.css';

/** The shortcuts sheet: `?` anywhere but in a text field (or the header's Shortcuts) opens it. */
export function ShortcutsSheet() {
  const open = useOverlays((state) => state.open === 'shortcuts');
  const show = useOverlays((state) => state.show);
  const close = useOverlays((state) => state.close);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      show('shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      useOverlays.getState().dismiss('shortcuts');
    };
  }, [show]);

  return open ? <SheetDialog onClose={() => close(false)} /> : null;
}

/** Every sentence already shown beside its screen, gathered in one place; each drawn with its keys as `<kbd>`. */
function SheetDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['frame', 'calendar', 'visits', 'billing']);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') trapTab(dialog.current, event);
  }

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="palette shortcuts"
        onKeyDown={onKeyDown}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title" className="palette-title">
          {t('frame:shortcuts.title')}
        </h2>
        <div className="shortcuts-body">
          <section aria-labelledby="shortcuts-anywhere">
            <h3 id="shortcuts-anywhere">{t('frame:shortcuts.anywhere')}</h3>
            <ul className="plain">
              <li>
                <Trans t={t} i18nKey="frame:shortcuts.search" components={KEY_TAGS} />
              </li>
              <li>
                <Trans t={t} i18nKey="frame:shortcuts.sheet" components={KEY_TAGS} />
              </li>
              <li>
                <Trans t={t} i18nKey="frame:shortcuts.lock" components={KEY_TAGS} />
              </li>
              <li>
                <Trans t={t} i18nKey="frame:shortcuts.escape" components={KEY_TAGS} />
              </li>
            </ul>
          </section>
          <section aria-labelledby="shortcuts-calendar">
            <h3 id="shortcuts-calendar">{t('frame:shortcuts.calendar')}</h3>
            <ul className="plain">
              <li>
                <Trans t={t} i18nKey="calendar:CalendarScreen.keysDay" components={KEY_TAGS} />
              </li>
              <li>
                <Trans t={t} i18nKey="calendar:MonthView.altPreviousOrNextMonth" components={KEY_TAGS} />
              </li>
            </ul>
          </section>
          <section aria-labelledby="shortcuts-board">
            <h3 id="shortcuts-board">{t('frame:shortcuts.board')}</h3>
            <p>
              <Trans t={t} i18nKey="visits:BoardScreen.selectARowThenI" components={KEY_TAGS} />
            </p>
          </section>
          <section aria-labelledby="shortcuts-billing">
            <h3 id="shortcuts-billing">{t('frame:shortcuts.billing')}</h3>
            <ul className="plain">
              <li>
                <Trans t={t} i18nKey="billing:InvoiceEditor.altNAddAService" components={KEY_TAGS} />
              </li>
              <li>
                <Trans t={t} i18nKey="billing:CheckOutScreen.altFFinishTheVisit" components={KEY_TAGS} />
              </li>
            </ul>
          </section>
        </div>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('frame:shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
