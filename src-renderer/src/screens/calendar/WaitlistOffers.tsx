import { useState } from 'react';
import type { WaitlistOffer } from '../../../../src-shared/api/areas/waitlist';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { formatDate as formatCalendarDate } from '../../../../src-shared/locale/date-format';
import { formatHhMm } from '../../../../src-shared/locale/time-format';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { useWaitlistOffers, type FreedSlot } from '../../stores/waitlist-offers';
import { Trans, useTranslation, variant } from '../../i18n';

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
  const { t } = useTranslation('calendar');
  const clock = useClinicClock();
  const time = (hhmm: string) => formatHhMm(hhmm, clock.timeFormat ?? '24h');
  const dismiss = useWaitlistOffers((state) => state.dismiss);
  const canWrite = useSession((state) => state.can('appointments:write'));
  const read = useProcedure('waitlist.offersForSlot', {
    providerId: freed.providerId,
    locationId: freed.locationId,
    start: freed.start,
    excludePatientId: freed.patientId,
  });
  // Once one is booked, the others are no longer offered for this slot.
  const [booked, setBooked] = useState<string | null>(null);
  const offers = booked ? [] : read.value;
  // A refused booking says why here too; a new read's refusal replaces it.
  const [bookError, setError] = useState<string | null>(null);
  const error = bookError ?? read.error?.message ?? null;
  const [busy, setBusy] = useState(false);

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
      t('WaitlistOffers.bookedFromTheWaitlistAt', {
        patientName: result.value.appointment.patientName,
        startTime: time(result.value.appointment.startTime),
        providerName: slot.providerName,
      }),
    );
  }

  if (offers === null && !error) return null;
  if (offers !== null && offers.length === 0 && !booked && !error) return null;
  return (
    <section className="wl-offers" aria-label={t('WaitlistOffers.waitlistOffers')}>
      <div className="cal-panel-head">
        <h2>
          <Trans
            t={t}
            i18nKey="WaitlistOffers.waitlistOffersFor"
            values={{ freedTime: time(freed.time), freedDate: formatCalendarDate(freed.date, clock.dateFormat) }}
            components={{ small: <small className="muted" /> }}
          />
        </h2>
        <button type="button" onClick={dismiss}>
          {t('WaitlistOffers.dismiss')}
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
                  {t('WaitlistOffers.withWaitingSince', {
                    typeName: offer.entry.typeName,
                    slotTime: time(offer.slot.time),
                    endTime: time(offer.slot.endTime),
                    providerName: offer.slot.providerName,
                    createdAt: formatDate(offer.entry.createdAt, clock),
                    note: offer.entry.note ?? '',
                    context: variant(offer.entry.note && 'note'),
                  })}
                </small>
              </span>
              {canWrite && (
                <button type="button" className="primary" disabled={busy} onClick={() => void book(offer)}>
                  {t('WaitlistOffers.bookAt', {
                    patientName: offer.entry.patientName,
                    slotTime: time(offer.slot.time),
                  })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
