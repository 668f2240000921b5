import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import './dialog.css';

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * An **Add …** button that opens one focused form in a modal `<dialog>` (`showModal` makes the page
 * behind it inert). Tab and Shift+Tab go round the dialog's own controls; Escape or Cancel closes it, and
 * the focus goes back to the button. The form is mounted only while open, so each opening starts blank;
 * `children` gets `done` to close it after a save (the card then says what was added).
 */
export function AddDialog({
  label,
  children,
}: {
  /** The button's and the dialog's name ("Add allergy"). */
  label: string;
  children: (done: () => void) => ReactNode;
}) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  function close() {
    setOpen(false);
    // The button is the one place a keyboard user expects to be after the dialog, whatever closed it.
    setTimeout(() => opener.current?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) last.focus();
    else if (!event.shiftKey && document.activeElement === last) first.focus();
    else return;
    event.preventDefault();
  }

  return (
    <>
      <button ref={opener} type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {label}
      </button>
      <dialog
        ref={dialog}
        className="add-dialog"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onCancel={(event) => {
          // Escape: close through React's state so the form unmounts and the focus goes back.
          event.preventDefault();
          close();
        }}
      >
        {open && (
          <>
            <h2 id={titleId}>{label}</h2>
            {children(close)}
            <button type="button" className="add-dialog-cancel" onClick={close}>
              {t('dialog.cancel')}
            </button>
          </>
        )}
      </dialog>
    </>
  );
}
