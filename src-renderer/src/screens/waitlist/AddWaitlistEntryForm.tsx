import { useState, type SyntheticEvent } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import {
  WAITLIST_PARTS_OF_DAY,
  WAITLIST_PRIORITIES,
  type WaitlistPartOfDay,
  type WaitlistPriority,
} from '../../../../src-shared/scheduling/waitlist-match';
import { WEEKDAY_NAMES } from '../../../../src-shared/scheduling/time';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { PatientPicker } from '../../components/PatientPicker';
import { i18next, useTranslation } from '../../i18n';
import { dayPartBounds } from '../../format/clock-time';

export const PRIORITY_LABELS: Record<WaitlistPriority, string> = {
  get urgent() {
    return i18next.t('waitlist:AddWaitlistEntryForm.urgent');
  },
  get high() {
    return i18next.t('waitlist:AddWaitlistEntryForm.high');
  },
  get normal() {
    return i18next.t('waitlist:AddWaitlistEntryForm.normal');
  },
  get low() {
    return i18next.t('waitlist:AddWaitlistEntryForm.low');
  },
};
export const PART_LABELS: Record<WaitlistPartOfDay, string> = {
  get morning() {
    return i18next.t('waitlist:AddWaitlistEntryForm.morningBefore1200', dayPartBounds());
  },
  get afternoon() {
    return i18next.t('waitlist:AddWaitlistEntryForm.afternoon12001700', dayPartBounds());
  },
  get evening() {
    return i18next.t('waitlist:AddWaitlistEntryForm.eveningAfter1700', dayPartBounds());
  },
};

const SHOWN = ['patientId', 'typeId', 'providerIds.0', 'earliestDate', 'latestDate', 'note'];

interface Draft {
  typeId: string;
  providerId: string;
  earliestDate: string;
  latestDate: string;
  weekdays: number[];
  partsOfDay: WaitlistPartOfDay[];
  priority: WaitlistPriority;
  note: string;
}

const EMPTY: Draft = {
  typeId: '',
  providerId: '',
  earliestDate: '',
  latestDate: '',
  weekdays: [],
  partsOfDay: [],
  priority: 'normal',
  note: '',
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Put a patient on the waitlist for one appointment type, with what they can accept. */
export function AddWaitlistEntryForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation('waitlist');
  // What can be waited for; a set-up change (a type added, a provider renamed) reads it again.
  const setupChanged = { refreshOn: { 'schedule.changed': true } } as const;
  const types = useProcedure('schedule.listTypes', {}, setupChanged).value ?? [];
  const providers = useProcedure('schedule.listProviders', {}, setupChanged).value ?? [];
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typeId = draft.typeId || types[0]?.id || '';
  const type = types.find((t) => t.id === typeId);
  const allowed = providers.filter((p) => !type || type.providerIds.length === 0 || type.providerIds.includes(p.id));
  const entryFor = (patientId: string): Input<'waitlist.add'> => ({
    patientId,
    typeId,
    providerIds: draft.providerId ? [draft.providerId] : [],
    earliestDate: draft.earliestDate || undefined,
    latestDate: draft.latestDate || null,
    weekdays: draft.weekdays,
    partsOfDay: draft.partsOfDay,
    priority: draft.priority,
    note: draft.note,
  });
  /** What is wrong as typed, in main's words; before a patient is chosen the rest is still checked. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('waitlist.add', entryFor(patient?.id ?? '')),
    ...(!patient && { patientId: t('AddWaitlistEntryForm.chooseAPatient') }),
  });
  const errors = useFormErrors(
    { ...draft, typeId, 'providerIds.0': draft.providerId, patientId: patient?.id ?? null },
    problems,
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setAdded(null);
    const local = problems();
    if (!patient || Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    setBusy(true);
    const result = await call('waitlist.add', entryFor(patient.id));
    setBusy(false);
    if (!result.ok) return errors.show(result.error, SHOWN);
    setAdded(
      t('AddWaitlistEntryForm.addedToTheWaitlistFor', {
        patientName: result.value.patientName,
        typeName: result.value.typeName,
      }),
    );
    setPatient(null);
    setDraft(EMPTY);
    onAdded();
  }

  return (
    <form className="card wide" aria-labelledby="wl-add-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="wl-add-heading">{t('AddWaitlistEntryForm.addToWaitlist')}</h2>
      <PatientPicker idPrefix="wl" patient={patient} onChange={setPatient} error={errors.errors.fields.patientId} />
      <SelectField
        label={t('AddWaitlistEntryForm.appointmentType')}
        value={typeId}
        options={types.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
        onChange={(event) => setDraft({ ...draft, typeId: event.target.value, providerId: '' })}
        error={errors.errors.fields.typeId}
      />
      <SelectField
        label={t('AddWaitlistEntryForm.provider')}
        value={draft.providerId}
        options={[
          { value: '', label: t('AddWaitlistEntryForm.anyProvider') },
          ...allowed.map((p) => ({ value: p.id, label: p.displayName })),
        ]}
        onChange={(event) => setDraft({ ...draft, providerId: event.target.value })}
        error={errors.errors.fields['providerIds.0']}
      />
      <div className="wl-dates">
        <DateField
          label={t('AddWaitlistEntryForm.earliestDate')}
          value={draft.earliestDate}
          onChange={(value) => setDraft({ ...draft, earliestDate: value })}
          error={errors.errors.fields.earliestDate}
          hint={t('AddWaitlistEntryForm.emptyFromToday')}
        />
        <DateField
          label={t('AddWaitlistEntryForm.latestDate')}
          value={draft.latestDate}
          onChange={(value) => setDraft({ ...draft, latestDate: value })}
          error={errors.errors.fields.latestDate}
          hint={t('AddWaitlistEntryForm.emptyNoEnd')}
        />
      </div>
      <fieldset>
        <legend>{t('AddWaitlistEntryForm.daysThatSuitNoneTicked')}</legend>
        <div className="wl-checks">
          {WEEKDAY_NAMES.map((name, index) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={draft.weekdays.includes(index + 1)}
                onChange={() => setDraft({ ...draft, weekdays: toggle(draft.weekdays, index + 1) })}
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('AddWaitlistEntryForm.timesThatSuitNoneTicked')}</legend>
        <div className="wl-checks">
          {WAITLIST_PARTS_OF_DAY.map((part) => (
            <label key={part} className="checkbox">
              <input
                type="checkbox"
                checked={draft.partsOfDay.includes(part)}
                onChange={() => setDraft({ ...draft, partsOfDay: toggle(draft.partsOfDay, part) })}
              />
              {PART_LABELS[part]}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t('AddWaitlistEntryForm.priority')}
        value={draft.priority}
        options={WAITLIST_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
        onChange={(event) => setDraft({ ...draft, priority: event.target.value as WaitlistPriority })}
      />
      <Field
        label={t('AddWaitlistEntryForm.note')}
        value={draft.note}
        onChange={(event) => setDraft({ ...draft, note: event.target.value })}
        error={errors.errors.fields.note}
        maxLength={1000}
      />
      <FormMessage error={errors.errors.form} success={added} />
      <button type="submit" className="primary" disabled={busy || types.length === 0}>
        {t('AddWaitlistEntryForm.addToWaitlist')}
      </button>
      {types.length === 0 && <p className="hint">{t('AddWaitlistEntryForm.noAppointmentTypesYetAn')}</p>}
    </form>
  );
}
