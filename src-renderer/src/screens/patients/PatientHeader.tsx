import type { PatientPhoto, PatientRecord } from '../../../../src-shared/patients/model';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { Trans, useTranslation } from '../../i18n';
import { useClockTime } from '../../format/clock-time';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { billingHref } from '../billing/route';
import { shortDateLabelWithYearAway } from '../calendar/format';
import { useCalendarLists } from '../calendar/reads';
import { calendarHref } from '../calendar/route';
import { ConflictBanner } from '../conflicts/ConflictBanner';
import { findHref } from '../find/route';
import { PatientBanner } from './PatientBanner';

/** Statuses an arrival can still be recorded from (as the Today screen's Check in). */
const CAN_ARRIVE = new Set(['booked', 'confirmed', 'no_show']);
const GONE = new Set(['cancelled', 'no_show']);

/**
 * The top of the patient page: the banner, the balance, the next appointment, and the quick actions
 * (Book, Check in, Take payment, Log a call, Account, Edit), each shown only to those who may do it.
 * Log a call opens the communication log's form on the Overview tab (`onLogCall`).
 */
export function PatientHeader({
  record,
  photo,
  today,
  onLogCall,
}: {
  record: PatientRecord;
  photo: PatientPhoto | null;
  today: string;
  onLogCall: () => void;
}) {
  const { t } = useTranslation('patients');
  const settings = useClinicSettings((state) => state.settings);
  const can = useSession((state) => state.can);
  const bookable = record.active && !record.deceasedDate && !record.mergedIntoId;
  const canBook = can('appointments:write') && bookable;
  const canCheckIn = can('visits:write') && bookable;
  const appointments = useProcedure(
    'appointments.ofPatient',
    can('appointments:read') ? { patientId: record.id, upcomingLimit: 5, pastLimit: 5 } : null,
    { refreshOn: { 'appointments.changed': (event) => event.patientIds.includes(record.id) } },
  ).value;
  const next = appointments?.upcoming.find((each) => !GONE.has(each.status)) ?? null;
  // Today's booking not yet arrived (its start may have passed: a late patient is still checked in).
  const todays = [...(appointments?.past ?? []), ...(appointments?.upcoming ?? [])].find(
    (each) => each.date === today && CAN_ARRIVE.has(each.status),
  );
  if (!settings) return null;

  return (
    <div className="patient-header">
      <PatientBanner record={record} photo={photo} dateFormat={settings.dateFormat} />
      <ConflictBanner patientId={record.id} />
      {record.mergedIntoId ? (
        <p role="status" className="form-error">
          <Trans
            t={t}
            i18nKey="PatientSummaryScreen.thisRecordWasMergedInto"
            components={{ a: <a href={`#/patients/${record.mergedIntoId}`} /> }}
          />
        </p>
      ) : (
        <div className="patient-header-row">
          <dl className="patient-facts">
            {can('billing:read') && <Balance patientId={record.id} />}
            {can('appointments:read') && (
              <div>
                <dt>{t('PatientHeader.next')}</dt>
                <dd>{appointments ? <NextAppointment next={next} /> : t('PatientHeader.loading')}</dd>
              </div>
            )}
          </dl>
          <div className="actions" role="group" aria-label={t('PatientHeader.quickActions')}>
            {canBook && (
              <a className="button primary" href={findHref(record.id)}>
                {t('PatientHeader.book')}
              </a>
            )}
            {canCheckIn && (
              <a className="button" href={todays ? `#/today/${todays.id}` : `#/today/patient/${record.id}`}>
                {todays ? t('PatientHeader.checkIn') : t('PatientHeader.checkInWalkIn')}
              </a>
            )}
            {can('billing:write') && (
              <a className="button" href={billingHref.takePayment(record.id)}>
                {t('PatientHeader.takePayment')}
              </a>
            )}
            {can('comms:write') && (
              <button type="button" onClick={onLogCall}>
                {t('PatientHeader.logCall')}
              </button>
            )}
            {can('billing:read') && (
              <a className="button" href={billingHref.account(record.id)}>
                {t('PatientSummaryScreen.account')}
              </a>
            )}
            {can('patients:write') && (
              <a className="button" href={`#/patients/${record.id}/edit`}>
                {t('PatientSummaryScreen.editPatient')}
              </a>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function NextAppointment({ next }: { next: AppointmentView | null }) {
  const { t } = useTranslation('patients');
  const clock = useClockTime();
  const { providers } = useCalendarLists();
  if (!next) return <>{t('PatientHeader.nothingBooked')}</>;
  const provider = providers.find((each) => each.id === next.providerId)?.displayName ?? '—';
  return (
    <a href={calendarHref({ kind: 'day', date: next.date })}>
      {t('PatientHeader.nextAppointment', {
        date: shortDateLabelWithYearAway(next.date),
        time: clock.hhmm(next.startTime),
        type: next.typeName,
        provider,
      })}
    </a>
  );
}

function Balance({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const summary = useProcedure(
    'accounts.summary',
    { patientId },
    { refreshOn: { 'billing.changed': (event) => event.patientIds.includes(patientId) } },
  ).value;
  const money = useProcedure('billing.settings', {}).value?.money;
  return (
    <div>
      <dt>{t('PatientHeader.balance')}</dt>
      <dd>{summary && money ? formatMoney(summary.balanceMinor, money) : t('PatientHeader.loading')}</dd>
    </div>
  );
}
