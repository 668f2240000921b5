import { useState, type SyntheticEvent } from 'react';
import type { TemplateSummary } from '../../../../src-shared/scheduling/model';
import { weekdayName } from '../../../../src-shared/scheduling/time';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSetupLists } from './setup-lists';
import { FormFooter } from './FormFooter';
import { BreaksEditor, type BreakDraft } from './BreaksEditor';
import { useClockTime } from '../../format/clock-time';
import { dayLabel, WEEKDAYS } from './format';
import { ProviderChooser } from './ProviderChooser';
import { EditableRow, useEditableRows } from './EditableRow';
import { useTranslation } from '../../i18n';

/** The chosen provider's weekly hours: one row per weekday and location, with breaks and the dates they hold. */
export function HoursSection() {
  const { t } = useTranslation('scheduling-setup');
  const providerId = useSetupLists((state) => state.providerId);
  const providers = useSetupLists((state) => state.providers);
  const templates = useSetupLists((state) => state.templates);
  const locations = useSetupLists((state) => state.locations);
  const reload = useSetupLists((state) => state.reload);
  const clock = useClinicClock();
  const times = useClockTime();
  const editable = useEditableRows(reload);
  const provider = providers.find((candidate) => candidate.id === providerId);
  const rows = templates.filter((template) => template.providerId === providerId);
  const locationName = (id: string) =>
    locations.find((location) => location.id === id)?.name ?? t('HoursSection.aRemovedLocation');
  const valid = (template: TemplateSummary) => {
    if (!template.validFrom && !template.validUntil) return t('HoursSection.always');
    if (!template.validUntil) return t('HoursSection.from', { validFrom: dayLabel(template.validFrom ?? '', clock) });
    if (!template.validFrom) return t('HoursSection.until', { validUntil: dayLabel(template.validUntil, clock) });
    return `${dayLabel(template.validFrom, clock)} – ${dayLabel(template.validUntil, clock)}`;
  };

  return (
    <>
      <ProviderChooser />
      {provider && (
        <>
          <p className="hint">{t('HoursSection.theHoursCanBeBooked', { displayName: provider.displayName })}</p>
          <FormMessage success={editable.status} />
          {rows.length === 0 ? (
            <p>{t('HoursSection.noWeeklyHoursForYet', { displayName: provider.displayName })}</p>
          ) : (
            <table>
              <caption className="visually-hidden">
                {t('HoursSection.weeklyHoursOf', { displayName: provider.displayName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('HoursSection.day')}</th>
                  <th scope="col">{t('HoursSection.location')}</th>
                  <th scope="col">{t('HoursSection.hours')}</th>
                  <th scope="col">{t('HoursSection.breaks')}</th>
                  <th scope="col">{t('HoursSection.valid')}</th>
                  <th scope="col">{t('HoursSection.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((template) => (
                  <EditableRow
                    key={template.id}
                    what={`${weekdayName(template.weekday)} ${times.span(template.start, template.end)}`}
                    cells={
                      <>
                        <th scope="row">{weekdayName(template.weekday)}</th>
                        <td>{locationName(template.locationId)}</td>
                        <td className="nowrap">{times.span(template.start, template.end)}</td>
                        <td>
                          {template.breaks.length > 0 ? (
                            template.breaks.map((b) => times.span(b.start, b.end)).join(', ')
                          ) : (
                            <span className="muted">{t('HoursSection.none')}</span>
                          )}
                        </td>
                        <td>{valid(template)}</td>
                      </>
                    }
                    columns={6}
                    {...editable.row(template.id)}
                    remove={() => call('schedule.removeTemplate', { templateId: template.id })}
                    form={<HoursForm providerId={providerId} template={template} {...editable.form} />}
                  />
                ))}
              </tbody>
            </table>
          )}
          {/* Keyed by provider: switching provider starts a fresh form. */}
          <HoursForm key={providerId} providerId={providerId} providerName={provider.displayName} />
        </>
      )}
    </>
  );
}

interface HoursDraft {
  weekdays: number[];
  locationId: string;
  start: string;
  end: string;
  breaks: BreakDraft[];
  validFrom: string;
  validUntil: string;
}

const FIELDS = ['weekday', 'locationId', 'start', 'end', 'breaks', 'validFrom', 'validUntil'];

/** Add hours for one or more weekdays (no `template`), or change one row's hours, breaks and dates. */
function HoursForm({
  providerId,
  providerName,
  template,
  onSaved,
  onCancel,
}: {
  providerId: string;
  providerName?: string;
  template?: TemplateSummary;
  onSaved?: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('scheduling-setup');
  const times = useClockTime();
  const locations = useSetupLists((state) => state.locations);
  const providers = useSetupLists((state) => state.providers);
  const reload = useSetupLists((state) => state.reload);
  const defaultLocation =
    providers.find((provider) => provider.id === providerId)?.defaultLocationId ?? locations[0]?.id ?? '';
  const blank: HoursDraft = {
    weekdays: [],
    locationId: defaultLocation,
    start: '09:00',
    end: '17:00',
    breaks: [],
    validFrom: '',
    validUntil: '',
  };
  const [draft, setDraft] = useState<HoursDraft>(() =>
    template
      ? {
          weekdays: [template.weekday],
          locationId: template.locationId,
          start: template.start,
          end: template.end,
          breaks: template.breaks,
          validFrom: template.validFrom ?? '',
          validUntil: template.validUntil ?? '',
        }
      : blank,
  );
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locationId = draft.locationId || locations[0]?.id || '';
  const hoursWith = (breaks: BreakDraft[]) => ({
    start: draft.start,
    end: draft.end,
    breaks,
    validFrom: draft.validFrom || null,
    validUntil: draft.validUntil || null,
  });
  /**
   * What is wrong as typed, in main's words: one day's input stands for every ticked day (they differ
   * only by weekday). `breaks` in the order they will be sent, so a break's problem names its own row.
   */
  const problems = (breaks: BreakDraft[] = draft.breaks): Record<string, string> => {
    if (template) return draftProblems('schedule.updateTemplate', { templateId: template.id, ...hoursWith(breaks) });
    const weekday = draft.weekdays[0];
    return {
      // Before a day is ticked, the rest is still checked as for Monday; the missing day is said below.
      ...draftProblems('schedule.createTemplate', {
        providerId,
        locationId,
        weekday: weekday ?? 1,
        ...hoursWith(breaks),
      }),
      ...(weekday === undefined && { weekday: t('HoursSection.tickAtLeastOneDay') }),
    };
  };
  const errors = useFormErrors({ ...draft, weekday: draft.weekdays, locationId }, () => problems());
  const prefix = template ? `setup-hours-${template.id}` : 'setup-hours-add';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setDone(null);
    // Main reports a break that overlaps another by its place in start order: put the rows in that order first.
    const breaks = [...draft.breaks].sort((a, b) => a.start.localeCompare(b.start));
    setDraft({ ...draft, breaks });
    const shown = [
      ...FIELDS,
      ...breaks.flatMap((_, index) => [`breaks.${index}`, `breaks.${index}.start`, `breaks.${index}.end`]),
    ];
    const hours = hoursWith(breaks);
    const local = problems(breaks);
    if (Object.keys(local).length > 0) return errors.showProblems(local, shown);
    if (template) {
      setBusy(true);
      const result = await call('schedule.updateTemplate', { templateId: template.id, ...hours });
      setBusy(false);
      if (!result.ok) return errors.show(result.error, shown);
      onSaved?.(
        t('HoursSection.saved', {
          weekday: weekdayName(result.value.weekday),
          start: times.span(result.value.start, result.value.end),
        }),
      );
      reload();
      return;
    }
    setBusy(true);
    const saved: string[] = [];
    for (const weekday of [...draft.weekdays].sort((a, b) => a - b)) {
      const result = await call('schedule.createTemplate', { providerId, locationId, weekday, ...hours });
      if (!result.ok) {
        setBusy(false);
        errors.show(result.error, shown);
        if (saved.length > 0)
          setDone(t('HoursSection.savedAndLaterDaysWere', { join: saved.join(', '), weekday: weekdayName(weekday) }));
        reload();
        return;
      }
      saved.push(weekdayName(weekday));
    }
    setBusy(false);
    setDone(t('HoursSection.addedOn', { start: times.span(draft.start, draft.end), join: saved.join(', ') }));
    setDraft(blank);
    reload();
  }

  return (
    <form
      className={template ? 'subrow-form' : 'card wide'}
      aria-labelledby={prefix}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {template ? (
        <h3 id={prefix}>
          {t('HoursSection.edit', {
            weekday: weekdayName(template.weekday),
            start: times.span(template.start, template.end),
          })}
        </h3>
      ) : (
        <h2 id={prefix}>
          {providerName ? t('HoursSection.addWeeklyHoursFor', { providerName }) : t('HoursSection.addWeeklyHours')}
        </h2>
      )}
      {!template && (
        <>
          <fieldset aria-describedby={errors.errors.fields.weekday ? `${prefix}-weekday-error` : undefined}>
            <legend>{t('HoursSection.days')}</legend>
            <div className="setup-checks">
              {WEEKDAYS.map(({ weekday, name }) => (
                <label key={weekday} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.weekdays.includes(weekday)}
                    onChange={() =>
                      setDraft({
                        ...draft,
                        weekdays: draft.weekdays.includes(weekday)
                          ? draft.weekdays.filter((day) => day !== weekday)
                          : [...draft.weekdays, weekday],
                      })
                    }
                  />
                  {name}
                </label>
              ))}
              <button type="button" onClick={() => setDraft({ ...draft, weekdays: [1, 2, 3, 4, 5] })}>
                {t('HoursSection.mondayToFriday')}
              </button>
            </div>
            {errors.errors.fields.weekday && (
              <small id={`${prefix}-weekday-error`} className="field-error block">
                {errors.errors.fields.weekday}
              </small>
            )}
          </fieldset>
          <SelectField
            label={t('HoursSection.location')}
            value={locationId}
            options={locations.map((location) => ({ value: location.id, label: location.name }))}
            onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
            error={errors.errors.fields.locationId}
          />
        </>
      )}
      <div className="row">
        <Field
          label={t('HoursSection.starts')}
          value={draft.start}
          placeholder="09:00"
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, start: event.target.value })}
          error={errors.errors.fields.start}
          hint={t('HoursSection.hhMm24HourClock')}
        />
        <Field
          label={t('HoursSection.ends')}
          value={draft.end}
          placeholder="17:00"
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, end: event.target.value })}
          error={errors.errors.fields.end}
          hint={t('HoursSection.hhMm2400Is')}
        />
      </div>
      <BreaksEditor
        breaks={draft.breaks}
        onChange={(breaks) => setDraft({ ...draft, breaks })}
        errors={errors.errors.fields}
      />
      <div className="row">
        <DateField
          label={t('HoursSection.validFrom')}
          value={draft.validFrom}
          onChange={(value) => setDraft({ ...draft, validFrom: value })}
          error={errors.errors.fields.validFrom}
          hint={t('HoursSection.emptyFromNowOn')}
        />
        <DateField
          label={t('HoursSection.validUntil')}
          value={draft.validUntil}
          onChange={(value) => setDraft({ ...draft, validUntil: value })}
          error={errors.errors.fields.validUntil}
          hint={t('HoursSection.emptyNoEnd')}
        />
      </div>
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={template ? t('HoursSection.saveHours') : t('HoursSection.addHours')}
        busy={busy || locations.length === 0}
        onCancel={onCancel}
      />
      {locations.length === 0 && <p className="hint">{t('HoursSection.addALocationFirst')}</p>}
    </form>
  );
}
