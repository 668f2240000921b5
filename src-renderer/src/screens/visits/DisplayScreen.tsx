import { useProcedure } from '../../hooks/useProcedure';
import { useTick } from './useVisitEvents';
import './visits.css';
import { useTranslation } from '../../i18n';

const DISPLAY_MS = 30 * 60_000;

/** `#/display`: the waiting-room screen. Tickets only (initials or numbers), never names. */
export function DisplayScreen() {
  const { t } = useTranslation('visits');
  // The list changes only with `visits.changed` (a patient called, a visit moved at any desk). No polling.
  const tickets = useProcedure('visits.display', {}, { refreshOn: { 'visits.changed': true } }).value ?? [];
  // Tickets leave after half an hour on this screen's own clock; the list itself only changes with events.
  const now = useTick(30_000);
  const [latest, ...earlier] = tickets.filter((ticket) => now - ticket.calledAt < DISPLAY_MS);
  return (
    <main className="waiting-display" aria-labelledby="display-title">
      <h1 id="display-title">{t('DisplayScreen.nowCalling')}</h1>
      {latest ? (
        <p className="display-latest" aria-live="assertive">
          <span className="display-ticket">{latest.ticket}</span>
          <span className="display-room">→ {latest.roomName}</span>
        </p>
      ) : (
        <p className="display-empty">{t('DisplayScreen.pleaseWaitToBeCalled')}</p>
      )}
      {earlier.length > 0 && (
        <ul className="display-earlier" aria-label={t('DisplayScreen.calledEarlier')}>
          {earlier.map((ticket) => (
            <li key={ticket.visitId}>
              {ticket.ticket} → {ticket.roomName}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
