import { useState, type SyntheticEvent } from 'react';
import { EXCEPTION_KINDS } from '../../../../src-shared/scheduling/fields';
import type { ExceptionSummary } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import type { ClinicClock } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSetupLists } from './setup-lists';
import { FormFooter } from './FormFooter';
import { draftProblems } from '../../hooks/useFormErrors';
import { useSetupSave } from './useSetupSave';
import { EditableRow, useEditableRows } from './EditableRow';
import { useClockTime } from '../../format/clock-time';
import { rangeLabel } from './format';
import { ProviderChooser } from './ProviderChooser';
import { i18next, useTranslation } from '../../i18n';

type Kind = ExceptionSummary['kind'];
const KIND_LABELS: Record<Kind, string> = {
  get time_off() {
    return i18next.t('scheduling-setup:TimeOffSection.timeOff');
  },
  get extra_hours() {
    return i18next.t('scheduling-setup:TimeOffSection.extraHours');
  },
};

/** How a row's buttons and edit form name it: "time off Wed 10/03/2027". */
function exceptionLabel(exception: ExceptionSummary, clock: ClinicClock): string {
  return `${KIND_LABELS[exception.kind].toLowerCase()} ${rangeLabel(exception.date, exception.endDate, clock)}`;
}

/** The chosen provider's time off and extra hours from today on; add, edit or remove either. */
export function TimeOffSection() {
  const { t } = useTranslation('scheduling-setup');
  const providerId = useSetupLists((state) => state.providerId);
  const providers = useSetupLists((state) => state.providers);
  const exceptions = useSetupLists((state) => state.exceptions);
  const locations = useSetupLists((state) => state.locations);
  const clock = useClinicClock();
  const times = useClockTime();
  const provider = providers.find((candidate) => candidate.id === providerId);
  const rows = exceptions.filter((exception) => exception.providerId === providerId);
  const reload = useSetupLists((state) => state.reload);
  const editable = useEditableRows(reload);

  return (
    <>
      <ProviderChooser />
      {provider && (
        <>
          <p className="hint">{t('TimeOffSection.timeOffTakesHoursAway')}</p>
          <FormMessage success={editable.status} />
          {rows.length === 0 ? (
            <p>{t('TimeOffSection.noTimeOffOrExtra', { displayName: provider.displayName })}</p>
          ) : (
            <table>
              <caption className="visually-hidden">
                {t('TimeOffSection.upcomingTimeOffAndExtra', { displayName: provider.displayName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('TimeOffSection.kind')}</th>
                  <th scope="col">{t('TimeOffSection.dates')}</th>
                  <th scope="col">{t('TimeOffSection.times')}</th>
                  <th scope="col">{t('TimeOffSection.location')}</th>
                  <th scope="col">{t('TimeOffSection.reason')}</th>
                  <th scope="col">{t('TimeOffSection.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((exception) => (
                  <EditableRow
                    key={exception.id}
                    what={exceptionLabel(exception, clock)}
                    cells={
                      <>
                        <th scope="row">{KIND_LABELS[exception.kind]}</th>
                        <td>{rangeLabel(exception.date, exception.endDate, clock)}</td>
                        <td className="nowrap">
                          {exception.start && exception.end
                            ? times.span(exception.start, exception.end)
                            : t('TimeOffSection.wholeDay')}
                        </td>
                        <td>
                          {exception.locationId
                            ? (locations.find((location) => location.id === exception.locationId)?.name ?? '')
                            : t('TimeOffSection.allLocations')}
                        </td>
                        <td>{exception.reason ?? ''}</td>
                      </>
                    }
                    columns={6}
                    {...editable.row(exception.id)}
                    remove={() => call('schedule.removeException', { exceptionId: exception.id })}
                    form={
                      <ExceptionForm
                        providerId={providerId}
                        providerName={provider.displayName}
                        exception={exception}
                        {...editable.form}
                      />
                    }
                  />
                ))}
              </tbody>
            </table>
          )}
          <ExceptionForm key={providerId} providerId={providerId} providerName={provider.displayName} />
        </>
      )}
    </>
  );
}

const FIELDS = ['kind', 'locationId', 'date', 'endDate', 'start', 'end', 'reason'];

/** Add time off or extra hours (no `exception`), or change one: the change sends every field, as adding does. */
function ExceptionForm({
  providerId,
  providerName,
  exception,
  onSaved,
  onCancel,
}: {
  providerId: string;
  providerName: string;
  exception?: ExceptionSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('scheduling-setup');
  const locations = useSetupLists((state) => state.locations);
  const clock = useClinicClock();
  const times = useClockTime();
  const blank = { kind: 'time_off' as Kind, date: '', endDate: '', start: '', end: '', locationId: '', reason: '' };
  const [draft, setDraft] = useState(() =>
    exception
      ? {
          kind: exception.kind,
          date: exception.date,
          endDate: exception.endDate === exception.date ? '' : exception.endDate,
          start: exception.start ?? '',
          end: exception.end ?? '',
          locationId: exception.locationId ?? '',
          reason: exception.reason ?? '',
        }
      : blank,
  );
  const headingId = exception ? `setup-exception-${exception.id}` : 'setup-exception-heading';
  const extra = draft.kind === 'extra_hours';
  // Extra hours need a location; time off may be for every location.
  const locationId = extra ? draft.locationId || locations[0]?.id || '' : draft.locationId;
  const fields = {
    kind: draft.kind,
    locationId: locationId || null,
    date: draft.date,
    ...(draft.endDate && { endDate: draft.endDate }),
    ...(draft.start && { start: draft.start }),
    ...(draft.end && { end: draft.end }),
    reason: draft.reason,
  };
  const { errors, done, busy, save } = useSetupSave(exception !== undefined, onSaved, { ...draft, locationId }, () =>
    exception
      ? draftProblems('schedule.updateException', { exceptionId: exception.id, ...fields })
      : draftProblems('schedule.createException', { providerId, ...fields }),
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    await save(
      () =>
        exception
          ? call('schedule.updateException', { exceptionId: exception.id, ...fields })
          : call('schedule.createException', { providerId, ...fields }),
      FIELDS,
      (saved) => {
        const span = saved.start && saved.end ? ` ${times.span(saved.start, saved.end)}` : '';
        return t('TimeOffSection.for', {
          toLowerCase: KIND_LABELS[saved.kind].toLowerCase(),
          providerName,
          savedDate: rangeLabel(saved.date, saved.endDate, clock),
          span,
        });
      },
      () => setDraft(blank),
    );
  }

  return (
    <form
      className={exception ? 'subrow-form' : 'card wide'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {exception ? (
        <h3 id={headingId}>{t('TimeOffSection.edit', { exception: exceptionLabel(exception, clock) })}</h3>
      ) : (
        <h2 id={headingId}>{t('TimeOffSection.addTimeOffOrExtra')}</h2>
      )}
      <SelectField
        label={t('TimeOffSection.kind')}
        value={draft.kind}
        options={EXCEPTION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
        onChange={(event) => setDraft({ ...draft, kind: event.target.value as Kind })}
        error={errors.errors.fields.kind}
      />
      <div className="row">
        <DateField
          label={t('TimeOffSection.firstDay')}
          value={draft.date}
          onChange={(value) => setDraft({ ...draft, date: value })}
          error={errors.errors.fields.date}
        />
        <DateField
          label={t('TimeOffSection.lastDay')}
          value={draft.endDate}
          onChange={(value) => setDraft({ ...draft, endDate: value })}
          error={errors.errors.fields.endDate}
          hint={t('TimeOffSection.emptyTheFirstDayOnly')}
        />
      </div>
      <div className="row">
        <Field
          label={t('TimeOffSection.from')}
          value={draft.start}
          placeholder={extra ? '18:00' : t('TimeOffSection.wholeDay2')}
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, start: event.target.value })}
          error={errors.errors.fields.start}
          hint={extra ? 'HH:mm.' : t('TimeOffSection.hhMmLeaveBothTimes')}
        />
        <Field
          label={t('TimeOffSection.until')}
          value={draft.end}
          placeholder={extra ? '20:00' : t('TimeOffSection.wholeDay2')}
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, end: event.target.value })}
          error={errors.errors.fields.end}
          hint={t('TimeOffSection.hhMm2400Is')}
        />
      </div>
      <SelectField
        label={t('TimeOffSection.location')}
        value={locationId}
        options={[
          ...(extra ? [] : [{ value: '', label: t('TimeOffSection.allLocations') }]),
          ...locations.map((location) => ({ value: location.id, label: location.name })),
        ]}
        onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
        error={errors.errors.fields.locationId}
      />
      <Field
        label={t('TimeOffSection.reason')}
        value={draft.reason}
        onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
        error={errors.errors.fields.reason}
        maxLength={200}
        hint={t('TimeOffSection.optionalShownInTheCalendar')}
      />
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={
          exception
            ? extra
              ? t('TimeOffSection.saveExtraHours')
              : t('TimeOffSection.saveTimeOff')
            : extra
              ? t('TimeOffSection.addExtraHours')
              : t('TimeOffSection.addTimeOff')
        }
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
