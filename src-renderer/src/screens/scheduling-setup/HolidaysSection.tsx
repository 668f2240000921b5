import { useState, type SyntheticEvent } from 'react';
import type { HolidaySummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSetupLists } from './setup-lists';
import { FormFooter } from './FormFooter';
import { draftProblems } from '../../hooks/useFormErrors';
import { useSetupSave } from './useSetupSave';
import { EditableRow, useEditableRows } from './EditableRow';
import { dayLabel } from './format';
import { useTranslation } from '../../i18n';

/** Days the clinic (or one location) is closed, from today on; add, edit or remove one. */
export function HolidaysSection() {
  const { t } = useTranslation('scheduling-setup');
  const holidays = useSetupLists((state) => state.holidays);
  const locations = useSetupLists((state) => state.locations);
  const reload = useSetupLists((state) => state.reload);
  const clock = useClinicClock();
  const editable = useEditableRows(reload);

  return (
    <>
      <p className="hint">{t('HolidaysSection.onAHolidayNoOne')}</p>
      <FormMessage success={editable.status} />
      {holidays.length === 0 ? (
        <p>{t('HolidaysSection.noClinicHolidaysComingUp')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('HolidaysSection.upcomingClinicHolidays')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('HolidaysSection.date')}</th>
              <th scope="col">{t('HolidaysSection.holiday')}</th>
              <th scope="col">{t('HolidaysSection.location')}</th>
              <th scope="col">{t('HolidaysSection.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => (
              <EditableRow
                key={holiday.id}
                what={t('HolidaysSection.nameOnDay', { name: holiday.name, day: dayLabel(holiday.date, clock) })}
                cells={
                  <>
                    <td className="nowrap">{dayLabel(holiday.date, clock)}</td>
                    <th scope="row">{holiday.name}</th>
                    <td>
                      {holiday.locationId
                        ? (locations.find((location) => location.id === holiday.locationId)?.name ?? '')
                        : t('HolidaysSection.allLocations')}
                    </td>
                  </>
                }
                columns={4}
                {...editable.row(holiday.id)}
                remove={() => call('schedule.removeHoliday', { holidayId: holiday.id })}
                form={<HolidayForm holiday={holiday} {...editable.form} />}
              />
            ))}
          </tbody>
        </table>
      )}
      <HolidayForm />
    </>
  );
}

/** Add a holiday (no `holiday`) or change one's date, name or location. */
function HolidayForm({
  holiday,
  onSaved,
  onCancel,
}: {
  holiday?: HolidaySummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('scheduling-setup');
  const locations = useSetupLists((state) => state.locations);
  const clock = useClinicClock();
  const blank = { date: '', name: '', locationId: '' };
  const [draft, setDraft] = useState(() =>
    holiday ? { date: holiday.date, name: holiday.name, locationId: holiday.locationId ?? '' } : blank,
  );
  const fields = { date: draft.date, name: draft.name, locationId: draft.locationId || null };
  const { errors, done, busy, save } = useSetupSave(holiday !== undefined, onSaved, draft, () =>
    holiday
      ? draftProblems('schedule.updateHoliday', { holidayId: holiday.id, ...fields })
      : draftProblems('schedule.createHoliday', fields),
  );
  const headingId = holiday ? `setup-holiday-${holiday.id}` : 'setup-holiday-heading';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    await save(
      () =>
        holiday
          ? call('schedule.updateHoliday', { holidayId: holiday.id, ...fields })
          : call('schedule.createHoliday', fields),
      ['date', 'name', 'locationId'],
      (saved) => t('HolidaysSection.nameOnDay', { name: saved.name, day: dayLabel(saved.date, clock) }),
      () => setDraft(blank),
    );
  }

  return (
    <form
      className={holiday ? 'subrow-form' : 'card wide'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {holiday ? (
        <h3 id={headingId}>
          {t('HolidaysSection.editOn', { holidayName: holiday.name, holidayDate: dayLabel(holiday.date, clock) })}
        </h3>
      ) : (
        <h2 id={headingId}>{t('HolidaysSection.addClinicHoliday')}</h2>
      )}
      <div className="row">
        <DateField
          label={t('HolidaysSection.date')}
          value={draft.date}
          onChange={(value) => setDraft({ ...draft, date: value })}
          error={errors.errors.fields.date}
        />
        <Field
          label={t('HolidaysSection.holidayName')}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          error={errors.errors.fields.name}
          maxLength={120}
        />
      </div>
      <SelectField
        label={t('HolidaysSection.location')}
        value={draft.locationId}
        options={[
          { value: '', label: t('HolidaysSection.allLocations') },
          ...locations.map((location) => ({ value: location.id, label: location.name })),
        ]}
        onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
        error={errors.errors.fields.locationId}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={holiday ? t('HolidaysSection.saveHoliday') : t('HolidaysSection.addHoliday')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
