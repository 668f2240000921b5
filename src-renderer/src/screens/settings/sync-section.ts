/** Asked for by the header's sync status: Settings opens at its Sync section (SettingsScreen reads it). */
let wanted = false;

/** The Sync section's heading focused and brought to the top of the screen. */
export function focusSyncSection(): void {
  const heading = document.getElementById('sync-heading');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

/** Settings at its Sync section: at once when Settings is open, else once it has drawn its settings. */
export function openSyncSettings(): void {
  if (window.location.hash === '#/settings') return focusSyncSection();
  wanted = true;
  window.location.hash = '#/settings';
}

/** True once after `openSyncSettings` asked for the section. */
export function takeSyncSectionRequest(): boolean {
  const was = wanted;
  wanted = false;
  return was;
}
