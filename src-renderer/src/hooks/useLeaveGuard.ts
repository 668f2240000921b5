import { useEffect, useRef } from 'react';
import { setLeaveGuard } from './navigation';
import { i18next } from '../i18n';

export const unsavedMessage = () => i18next.t('common:useLeaveGuard.youHaveUnsavedChangesLeave');

/**
 * While `dirty`, leaving asks first: in-app navigation (a hash change) with a confirm, closing or
 * reloading the window with the browser's own question (Electron's main shows its dialog for it).
 */
export function useLeaveGuard(dirty: boolean): void {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => setLeaveGuard(() => (dirtyRef.current ? unsavedMessage() : null)), []);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
