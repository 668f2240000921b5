/**
 * In-app navigation is the address's hash. A screen with unsaved changes registers a guard; when the
 * hash changes (a nav link, a link in the page, Back), the guard is asked first and, if the person
 * chooses to stay, the address is put back and no screen hears of the change. Screens read the hash
 * through `onAcceptedHashChange`, never from `hashchange` directly, so a refused change never
 * unmounts the form it would lose.
 */

type Guard = () => string | null;

let guard: Guard | null = null;
const listeners = new Set<() => void>();
/** A hash the app navigates to itself: accepted without asking. */
let bypass: string | null = null;

window.addEventListener('hashchange', (event: HashChangeEvent) => {
  const decided = bypass === window.location.hash;
  bypass = null;
  const message = decided ? null : (guard?.() ?? null);
  if (message !== null && !window.confirm(message)) {
    // Back to the address the form is on, without a new hashchange (replaceState fires none).
    history.replaceState(history.state, '', event.oldURL);
    return;
  }
  for (const listener of listeners) listener();
});

export function onAcceptedHashChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers the one guard (one form is edited at a time); returns its removal. */
export function setLeaveGuard(next: Guard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Navigation the app itself decides on (after a save): no question asked. */
export function navigate(hash: string): void {
  bypass = hash.startsWith('#') ? hash : `#${hash}`;
  window.location.hash = hash;
}
