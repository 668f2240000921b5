import { useState, type SyntheticEvent } from 'react';
import type { TemplateSummary } from '../../../../src-shared/scheduling/model';
import { weekdayName } from '../../../../src-shared/scheduling/time';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSchedulingSetup } from '../../stores/scheduling-setup';
import { FormFooter } from './FormFooter';
import { BreaksEditor, type BreakDraft } from './BreaksEditor';
import { useClockTime } from '../../format/clock-time';
import { dayLabel, WEEKDAYS } from './format';
import { ProviderChooser } from './ProviderChooser';
import { EditableRow, useEditableRows } from './EditableRow';

/** The chosen provider's weekly hours: one row per weekday and location, with breaks and the dates they hold. */
export function HoursSection() {
  const providerId = useSchedulingSetup((state) => state.providerId);
  const providers = useSchedulingSetup((state) => state.providers);
  const templates = useSchedulingSetup((state) => state.templates);
  const locations = useSchedulingSetup((state) => state.locations);
  const reload = useSchedulingSetup((state) => state.reload);
  const clock = useClinicClock();
  const times = useClockTime();
  const editable = useEditableRows(reload);
  const provider = providers.find((candidate) => candidate.id === providerId);
  const rows = templates.filter((template) => template.providerId === providerId);
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? 'a removed location';
  const valid = (template: TemplateSummary) => {
    if (!template.validFrom && !template.validUntil) return 'Always';
    if (!template.validUntil) return `From ${dayLabel(template.validFrom ?? '', clock)}`;
    if (!template.validFrom) return `Until ${dayLabel(template.validUntil, clock)}`;
    return `${dayLabel(template.validFrom, clock)} – ${dayLabel(template.validUntil, clock)}`;
  };

  return (
    <>
      <ProviderChooser />
      {provider && (
        <>
          <p className="hint">
            The hours {provider.displayName} can be booked each week. A change applies to new bookings and to next
            available; appointments already booked stay where they are.
          </p>
          <FormMessage success={editable.status} />
          {rows.length === 0 ? (
            <p>No weekly hours for {provider.displayName} yet: they cannot be booked until some are added below.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Weekly hours of {provider.displayName}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Location</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Breaks</th>
                  <th scope="col">Valid</th>
                  <th scope="col">Actions</th>
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
                            <span className="muted">None</span>
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
  const times = useClockTime();
  const locations = useSchedulingSetup((state) => state.locations);
  const providers = useSchedulingSetup((state) => state.providers);
  const reload = useSchedulingSetup((state) => state.reload);
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
  const errors = useFormErrors({ ...draft, weekday: draft.weekdays });
  const prefix = template ? `setup-hours-${template.id}` : 'setup-hours-add';
  const locationId = draft.locationId || locations[0]?.id || '';

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
    const hours = {
      start: draft.start,
      end: draft.end,
      breaks,
      validFrom: draft.validFrom || null,
      validUntil: draft.validUntil || null,
    };
    if (template) {
      setBusy(true);
      const result = await call('schedule.updateTemplate', { templateId: template.id, ...hours });
      setBusy(false);
      if (!result.ok) return errors.show(result.error, shown);
      onSaved?.(`Saved ${weekdayName(result.value.weekday)}: ${times.span(result.value.start, result.value.end)}.`);
      await reload();
      return;
    }
    if (draft.weekdays.length === 0) return errors.setField('weekday', 'tick at least one day');
    setBusy(true);
    const saved: string[] = [];
    for (const weekday of [...draft.weekdays].sort((a, b) => a - b)) {
      const result = await call('schedule.createTemplate', { providerId, locationId, weekday, ...hours });
      if (!result.ok) {
        setBusy(false);
        errors.show(result.error, shown);
        if (saved.length > 0)
          setDone(`Saved ${saved.join(', ')}; ${weekdayName(weekday)} and later days were not saved.`);
        await reload();
        return;
      }
      saved.push(weekdayName(weekday));
    }
    setBusy(false);
    setDone(`Added ${times.span(draft.start, draft.end)} on ${saved.join(', ')}.`);
    setDraft(blank);
    await reload();
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
          Edit {weekdayName(template.weekday)} {times.span(template.start, template.end)}
        </h3>
      ) : (
        <h2 id={prefix}>Add weekly hours{providerName ? ` for ${providerName}` : ''}</h2>
      )}
      {!template && (
        <>
          <fieldset aria-describedby={errors.errors.fields.weekday ? `${prefix}-weekday-error` : undefined}>
            <legend>Days</legend>
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
                Monday to Friday
              </button>
            </div>
            {errors.errors.fields.weekday && (
              <small id={`${prefix}-weekday-error`} className="field-error block">
                {errors.errors.fields.weekday}
              </small>
            )}
          </fieldset>
          <SelectField
            label="Location"
            value={locationId}
            options={locations.map((location) => ({ value: location.id, label: location.name }))}
            onChange={(event) => setDraft({ ...draft, locationId: event.target.value })}
            error={errors.errors.fields.locationId}
          />
        </>
      )}
      <div className="row">
        <Field
          label="Starts"
          value={draft.start}
          placeholder="09:00"
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, start: event.target.value })}
          error={errors.errors.fields.start}
          hint="HH:mm, 24-hour clock."
        />
        <Field
          label="Ends"
          value={draft.end}
          placeholder="17:00"
          inputMode="numeric"
          onChange={(event) => setDraft({ ...draft, end: event.target.value })}
          error={errors.errors.fields.end}
          hint="HH:mm; 24:00 is midnight."
        />
      </div>
      <BreaksEditor
        breaks={draft.breaks}
        onChange={(breaks) => setDraft({ ...draft, breaks })}
        errors={errors.errors.fields}
      />
      <div className="row">
        <DateField
          label="Valid from"
          value={draft.validFrom}
          onChange={(value) => setDraft({ ...draft, validFrom: value })}
          error={errors.errors.fields.validFrom}
          hint="Empty: from now on."
        />
        <DateField
          label="Valid until"
          value={draft.validUntil}
          onChange={(value) => setDraft({ ...draft, validUntil: value })}
          error={errors.errors.fields.validUntil}
          hint="Empty: no end."
        />
      </div>
      <FormFooter
        error={errors.errors.form}
        done={done}
        label={template ? 'Save hours' : 'Add hours'}
        busy={busy || locations.length === 0}
        onCancel={onCancel}
      />
      {locations.length === 0 && <p className="hint">Add a location first.</p>}
    </form>
  );
}
