/**
 * Scrolls to a report on this page and puts the keyboard there (the address's hash is the app's route,
 * so no `#id` links). The address, and so the filters the report was counted with, stay as they are.
 */
export function showReport(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}
