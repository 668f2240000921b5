import { createResettableStore } from '../../stores/resettable';

/** The frame's two keyboard overlays: the search (Ctrl+K, `/`, the header's Search) and the shortcuts sheet (`?`). */
export type Overlay = 'palette' | 'shortcuts';

interface Overlays {
  open: Overlay | null;
  /** Where the focus was when it opened: given back when it closes without going anywhere. */
  returnTo: HTMLElement | null;
  show: (overlay: Overlay) => void;
  /** Closes it; `went` (a screen was opened) leaves the focus to that screen. */
  close: (went: boolean) => void;
  /** Forgets an open overlay whose listener is leaving the page (the frame unmounted). */
  dismiss: (overlay: Overlay) => void;
}

/** Closed again when the screen locks or the user signs out (the frame is unmounted then). */
export const useOverlays = createResettableStore<Overlays>((set, get) => ({
  open: null,
  returnTo: null,
  show: (overlay) => {
    // A modal <dialog> (an Add form) makes the page inert: an overlay opened under it could not take the focus.
    if (get().open || document.querySelector('dialog[open]')) return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set({ open: overlay, returnTo: focused });
  },
  close: (went) => {
    const back = get().returnTo;
    set({ open: null, returnTo: null });
    if (!went && back?.isConnected) setTimeout(() => back.focus());
  },
  dismiss: (overlay) => {
    if (get().open === overlay) set({ open: null, returnTo: null });
  },
}));

/** Whether a key typed here belongs to a text field (then `/` and `?` are characters, not shortcuts). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  );
}

/** Tab and Shift+Tab go round a dialog's own controls, never behind it. */
export function trapTab(dialog: HTMLElement | null, event: { shiftKey: boolean; preventDefault: () => void }): void {
  const focusable = Array.from(dialog?.querySelectorAll<HTMLElement>('input, button, a[href]') ?? []);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) last.focus();
  else if (!event.shiftKey && document.activeElement === last) first.focus();
  else return;
  event.preventDefault();
}
