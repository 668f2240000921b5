import { useEffect, useState } from 'react';
import type { WaitlistOffer } from '../../../../src-shared/api/areas/waitlist';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDate as formatCalendarDate } from '../../../../src-shared/locale/date-format';
import { formatHhMm } from '../../../../src-shared/locale/time-format';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { useWaitlistOffers, type FreedSlot } from '../../stores/waitlist-offers';

const PRIORITY: Record<WaitlistOffer['entry']['priority'], string> = {
  urgent: 'urgent',
  high: 'high',
  normal: 'normal',
  low: 'low',
};

/**
 * After an appointment is cancelled (or moved away), the waiting patients who fit its time, most
 * urgent first: book one with a button. Nothing shows when no one fits.
 */
export function WaitlistOffers() {
  const freed = useWaitlistOffers((state) => state.freed);
  if (!freed) return null;
  return <Offers key={`${freed.providerId}-${freed.start}`} freed={freed} />;
}

function Offers({ freed }: { freed: FreedSlot }) {
  const clock = useClinicClock();
  const time = (hhmm: string) => formatHhMm(hhmm, clock.timeFormat ?? '24h');
  const dismiss = useWaitlistOffers((state) => state.dismiss);
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [offers, setOffers] = useState<WaitlistOffer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('waitlist.offersForSlot', {
      providerId: freed.providerId,
      locationId: freed.locationId,
      start: freed.start,
      excludePatientId: freed.patientId,
    }).then((result) => {
      if (!live) return;
      if (result.ok) setOffers(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [freed]);

  async function book(offer: WaitlistOffer) {
    setBusy(true);
    setError(null);
    const { slot } = offer;
    const result = await call('waitlist.book', {
      entryId: offer.entry.id,
      providerId: slot.providerId,
      locationId: slot.locationId,
      start: { date: slot.date, time: slot.time, offsetMinutes: slot.offsetMinutes },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setBooked(
      `Booked ${result.value.appointment.patientName} from the waitlist at ${time(result.value.appointment.startTime)} with ${slot.providerName}.`,
    );
    setOffers([]);
  }

  if (offers === null && !error) return null;
  if (offers !== null && offers.length === 0 && !booked && !error) return null;
  return (
    <section className="wl-offers" aria-label="Waitlist offers">
      <div className="cal-panel-head">
        <h2>
          Waitlist offers for {time(freed.time)}{' '}
          <small className="muted">{formatCalendarDate(freed.date, clock.dateFormat)}</small>
        </h2>
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <FormMessage error={error} success={booked} />
      {offers && offers.length > 0 && (
        <ul className="wl-offer-list">
          {offers.map((offer) => (
            <li key={offer.entry.id}>
              <span>
                <strong>{offer.entry.patientName}</strong>{' '}
                <span className={`tag priority-${offer.entry.priority}`}>{PRIORITY[offer.entry.priority]}</span>
                <small className="muted cal-block">
                  {offer.entry.typeName} · {time(offer.slot.time)}–{time(offer.slot.endTime)} with{' '}
                  {offer.slot.providerName} · waiting since {formatDate(offer.entry.createdAt, clock)}
                  {offer.entry.note ? ` · ${offer.entry.note}` : ''}
                </small>
              </span>
              {canWrite && (
                <button type="button" className="primary" disabled={busy} onClick={() => void book(offer)}>
                  Book {offer.entry.patientName} at {time(offer.slot.time)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
