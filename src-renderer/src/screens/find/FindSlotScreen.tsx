import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { PARTS_OF_DAY, type PartOfDay } from '../../../../src-shared/scheduling/fields';
import type { Slot } from '../../../../src-shared/scheduling/model';
import { todayIn } from '../../../../src-shared/patients/dates';
import { addDays } from '../../../../src-shared/scheduling/time';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { dayPartBounds, useClockTime } from '../../format/clock-time';
import { FormMessage } from '../../components/FormMessage';
import { PatientPicker } from '../../components/PatientPicker';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useCalendarLists } from '../calendar/reads';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { shortDateLabel } from '../calendar/format';
import { calendarHref } from '../calendar/route';
import { parseFindRoute } from './route';
import { SlotList, slotKey } from './SlotList';
import { usePresetPatient } from './usePresetPatient';
import { ReferralBanner, useReferralToBook } from './useReferralToBook';
import './find.css';
import { i18next, useTranslation } from '../../i18n';

const PART_LABELS: Record<PartOfDay, string> = {
  get any() {
    return i18next.t('find:FindSlotScreen.anyTime');
  },
  get morning() {
    return i18next.t('find:FindSlotScreen.morningBefore1200', dayPartBounds());
  },
  get afternoon() {
    return i18next.t('find:FindSlotScreen.afternoon12001700', dayPartBounds());
  },
  get evening() {
    return i18next.t('find:FindSlotScreen.eveningAfter1700', dayPartBounds());
  },
};
/** Eight weeks ahead, as a receptionist looks by default. */
const DEFAULT_DAYS = 55;
const SLOTS_SHOWN = 20;
const FIELDS = ['patientId', 'typeId', 'providerIds.0', 'from', 'to', 'partOfDay'];

/**
 * `#/find` (and `#/find/<patientId>[/<providerId>[/<missedId>[/<typeId>]]]` from a follow-up, Book again or Rebook): the first free slots for a
 * type, with one provider or any, between two dates, at a part of the day, avoiding the patient's own
 * appointments; Book takes one. Main decides what is free and refuses a slot taken meanwhile.
 */
export function FindSlotScreen() {
  const { t } = useTranslation('find');
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const clock = useClockTime();
  const route = parseFindRoute(useHashDetail());
  const preset = usePresetPatient(route.patientId);
  const referral = useReferralToBook(route.referralId);
  const { types, providers } = useCalendarLists();
  const canBook = useSession((state) => state.can('appointments:write'));
  const today = zone ? todayIn(zone, Date.now()) : '';
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [typeId, setTypeId] = useState(route.typeId ?? '');
  const [providerId, setProviderId] = useState(route.providerId ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [partOfDay, setPartOfDay] = useState<PartOfDay>('any');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<{ text: string; date: string; linked: string | null } | null>(null);
  const [refused, setRefused] = useState<{ key: string; message: string } | null>(null);
  // Book again: the missed appointment the booking replaces, for this patient only (main checks it
  // too), and once: a second booking from the same list is an appointment of its own.
  const [replaced, setReplaced] = useState<string | null>(null);
  const replaces =
    route.replacesId && route.replacesId !== replaced && patient?.id === route.patientId ? route.replacesId : null;
  // A type chosen ahead that is no longer offered falls back to the first, as an empty choice does.
  const chosenType = (types.some((each) => each.id === typeId) ? typeId : types[0]?.id) ?? '';
  const type = types.find((t) => t.id === chosenType);
  const allowed = providers.filter((p) => !type || type.providerIds.length === 0 || type.providerIds.includes(p.id));
  const fromDate = from || today;
  const toDate = to || addDays(fromDate, DEFAULT_DAYS);
  const questionFor = (patientId: string): Input<'appointments.nextAvailable'> => ({
    typeId: chosenType,
    providerIds: providerId ? [providerId] : [],
    from: fromDate,
    to: toDate,
    partOfDay,
    patientId,
    limit: SLOTS_SHOWN,
  });
  /** What main would refuse in the question as typed (dates the wrong way round, too far apart), in its words. */
  const problems = (): Record<string, string> => ({
    ...(fromDate && draftProblems('appointments.nextAvailable', questionFor(patient?.id ?? ''))),
    ...(!patient && { patientId: t('FindSlotScreen.chooseAPatient') }),
  });
  const errors = useFormErrors(
    { patientId: patient?.id ?? null, typeId, 'providerIds.0': providerId, from, to, partOfDay },
    problems,
  );
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preset.patient) setPatient(preset.patient);
  }, [preset.patient]);
  useEffect(() => {
    setProviderId(route.providerId ?? '');
  }, [route.providerId]);
  const wantedType = referral.referral?.appointmentTypeId ?? null;
  useEffect(() => {
    if (wantedType) setTypeId(wantedType);
  }, [wantedType]);

  if (!zone) return <p>{t('FindSlotScreen.loading')}</p>;
  /** A changed question hides the answer to the old one, so Book never takes a slot found for other criteria. */
  const asking =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setSlots(null);
      set(value);
    };

  async function search(): Promise<boolean> {
    errors.clear();
    setRefused(null);
    const local = problems();
    if (!patient || Object.keys(local).length > 0) {
      errors.showProblems(local, FIELDS);
      return false;
    }
    setBusy(true);
    const result = await call('appointments.nextAvailable', questionFor(patient.id));
    setBusy(false);
    if (!result.ok) {
      errors.show(result.error, FIELDS);
      setSlots(null);
      return false;
    }
    setSlots(result.value);
    return true;
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBooked(null);
    if (await search()) setTimeout(() => resultsHeading.current?.focus());
  }

  async function book(slot: Slot) {
    if (!patient) return;
    setRefused(null);
    setBooked(null);
    setBusy(true);
    const result = await call('appointments.book', {
      patientId: patient.id,
      providerId: slot.providerId,
      typeId: chosenType,
      locationId: slot.locationId,
      start: { date: slot.date, time: slot.time, offsetMinutes: slot.offsetMinutes },
      ...(replaces && { rescheduledFromId: replaces }),
    });
    setBusy(false);
    if (!result.ok) return setRefused({ key: slotKey(slot), message: result.error.message });
    if (replaces) setReplaced(replaces);
    // Booked for a referral: the referral moves to booked with this appointment.
    const linked = patient.id === route.patientId ? await referral.link(result.value.id) : null;
    setBooked({
      linked,
      text: t('FindSlotScreen.bookedWithOnAt', {
        patientName: result.value.patientName,
        providerName: slot.providerName,
        slotDate: shortDateLabel(slot.date),
        slotTime: clock.hhmm(slot.time),
      }),
      date: slot.date,
    });
    // The slot is taken now, and the patient's own times changed: the list is read again.
    await search();
  }

  return (
    <section className="find" aria-labelledby="find-title">
      <h1 id="find-title">{t('FindSlotScreen.findASlot')}</h1>
      {replaces && <p className="hint">{t('FindSlotScreen.bookingAgainTheNewAppointment')}</p>}
      <ReferralBanner state={referral} />
      <div className="find-layout">
        <form
          className="card wide find-form"
          aria-label={t('FindSlotScreen.findASlot')}
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <PatientPicker
            idPrefix="find"
            patient={patient}
            onChange={asking(setPatient)}
            error={errors.errors.fields.patientId ?? preset.error ?? undefined}
          />
          <SelectField
            label={t('FindSlotScreen.appointmentType')}
            value={chosenType}
            options={types.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
            onChange={(event) => asking(setTypeId)(event.target.value)}
            error={errors.errors.fields.typeId}
          />
          <SelectField
            label={t('FindSlotScreen.provider')}
            value={providerId}
            options={[
              { value: '', label: t('FindSlotScreen.anyProvider') },
              ...allowed.map((p) => ({ value: p.id, label: p.displayName })),
            ]}
            onChange={(event) => asking(setProviderId)(event.target.value)}
            error={errors.errors.fields['providerIds.0']}
          />
          <div className="find-dates">
            <DateField
              label={t('FindSlotScreen.from')}
              value={fromDate}
              onChange={(value) => asking(setFrom)(value)}
              error={errors.errors.fields.from}
            />
            <DateField
              label={t('FindSlotScreen.to')}
              value={toDate}
              onChange={(value) => asking(setTo)(value)}
              error={errors.errors.fields.to}
            />
          </div>
          <SelectField
            label={t('FindSlotScreen.partOfTheDay')}
            value={partOfDay}
            options={PARTS_OF_DAY.map((part) => ({ value: part, label: PART_LABELS[part] }))}
            onChange={(event) => asking(setPartOfDay)(event.target.value as PartOfDay)}
            error={errors.errors.fields.partOfDay}
          />
          <FormMessage error={errors.errors.form} />
          <button type="submit" className="primary" disabled={busy || types.length === 0}>
            {t('FindSlotScreen.findSlots')}
          </button>
          {types.length === 0 && <p className="hint">{t('FindSlotScreen.noAppointmentTypesYetAn')}</p>}
        </form>
        <div className="find-answer">
          {booked && (
            <p role="status" className="form-success">
              {booked.text}{' '}
              <a href={calendarHref({ kind: 'day', date: booked.date })}>
                {t('FindSlotScreen.openInTheCalendar', { bookedDate: shortDateLabel(booked.date) })}
              </a>
              {booked.linked && (
                <>
                  {' '}
                  {booked.linked} <a href="#/referrals">{t('FindSlotScreen.backToReferrals')}</a>
                </>
              )}
            </p>
          )}
          {slots && (
            <SlotList
              slots={slots}
              headingRef={resultsHeading}
              canBook={canBook}
              busy={busy}
              refused={refused}
              onBook={(slot) => void book(slot)}
            />
          )}
        </div>
      </div>
    </section>
  );
}
