import type { ConflictView } from '../../../../src-shared/api/areas/conflicts';
import { todayIn } from '../../../../src-shared/patients/dates';
import { formatDateTime, type ClinicClock } from '../../format/datetime';
import type { TFunction } from 'i18next';

type Side = ConflictView['first'] | ConflictView['second'];

/** One side of a conflict as a person reads it (names from this desk's copy of the records). */
export function describeSide(t: TFunction<'conflicts'>, side: Side, amount: number | null, clock: ClinicClock): string {
  if (side.name === null) return t('ConflictsScreen.notHere');
  // To the minute: an appointment's start or a payment's time, not the audit's seconds.
  const when = side.at === null ? '' : formatDateTime(side.at, clock).replace(/^(.* \d\d:\d\d):\d\d$/, '$1');
  switch (side.type) {
    case 'appointment':
      return t('subjects.appointment', { name: side.name, when, provider: side.detail ?? '' });
    case 'patient':
      return t('subjects.patient', { name: side.name, mrn: side.detail ?? '' });
    case 'stock_lot':
      return t('subjects.stockLot', { name: side.name, item: side.detail ?? '' });
    case 'stock_location':
      return `${t('subjects.stockLocation', { name: side.name })}${amount === null ? '' : `, ${t('subjects.balance', { amount })}`}`;
    case 'payment':
      return t('subjects.payment', { name: side.name, when });
    case 'drawer':
      return t('subjects.drawer', { name: side.name, day: side.detail ?? '' });
  }
}

/** Where a side of a conflict is shown in the app. */
export function sideHref(side: Side, timeZone: string): string {
  switch (side.type) {
    case 'appointment':
      return side.at === null
        ? '#/calendar'
        : `#/calendar/${todayIn(timeZone, side.at)}?appointment=${encodeURIComponent(side.id)}`;
    case 'patient':
      return `#/patients/${encodeURIComponent(side.id)}`;
    case 'stock_lot':
    case 'stock_location':
      return '#/stock';
    case 'payment':
    case 'drawer':
      return '#/billing';
  }
}
