import type { RefObject } from 'react';
import type { Slot } from '../../../../src-shared/scheduling/model';
import { useClockTime } from '../../format/clock-time';
import { shortDateLabel } from '../calendar/format';
import { useTranslation } from '../../i18n';

export function slotKey(slot: Slot): string {
  return `${slot.providerId}${slot.start}`;
}

interface SlotListProps {
  slots: readonly Slot[];
  /** Focused after a search, so Tab goes on to the first Book. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  canBook: boolean;
  busy: boolean;
  /** Main's refusal of one slot (taken meanwhile), shown in that slot's row. */
  refused: { key: string; message: string } | null;
  onBook: (slot: Slot) => void;
}

/** The free starts found, earliest first, each with its Book button. */
export function SlotList({ slots, headingRef, canBook, busy, refused, onBook }: SlotListProps) {
  const { t } = useTranslation('find');
  const clock = useClockTime();
  return (
    <section aria-labelledby="find-results" className="find-results">
      <h2 id="find-results" tabIndex={-1} ref={headingRef}>
        {slots.length === 0 ? t('SlotList.noFreeSlot') : t('SlotList.firstFreeSlots', { slotsLength: slots.length })}
      </h2>
      {slots.length === 0 && <p>{t('SlotList.nothingIsFreeForThis')}</p>}
      {slots.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('SlotList.freeSlotsEarliestFirst')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('SlotList.date')}</th>
              <th scope="col">{t('SlotList.time')}</th>
              <th scope="col">{t('SlotList.provider')}</th>
              <th scope="col">{t('SlotList.location')}</th>
              {canBook && <th scope="col">{t('SlotList.book')}</th>}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slotKey(slot)}>
                <td>{shortDateLabel(slot.date)}</td>
                <td>{clock.hhmm(slot.time)}</td>
                <td>{slot.providerName}</td>
                <td>{slot.locationName}</td>
                {canBook && (
                  <td>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onBook(slot)}
                      aria-label={t('SlotList.bookAtWith', {
                        slotDate: shortDateLabel(slot.date),
                        slotTime: clock.hhmm(slot.time),
                        providerName: slot.providerName,
                      })}
                    >
                      {t('SlotList.book')}
                    </button>
                    {refused?.key === slotKey(slot) && (
                      <p role="alert" className="field-error">
                        {refused.message}
                      </p>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
