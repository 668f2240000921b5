import { useEffect } from 'react';
import type { ProviderSummary, RoomSummary } from '../../../../src-shared/scheduling/model';
import { addDays } from '../../../../src-shared/scheduling/time';
import { dateLabel, monthLabel, shortDateLabel } from './format';
import { JumpToDate } from './JumpToDate';
import { addMonths, firstOfMonth, go, weekOf, type CalendarView } from './route';
import { i18next, useTranslation } from '../../i18n';

type Browsable = Exclude<CalendarView, { kind: 'sheet' }>;

interface CalendarToolbarProps {
  view: Browsable;
  today: string;
  zone: string;
  loading: boolean;
  providers: readonly ProviderSummary[];
  /** The provider the week view opens on from the day or month (the one in hand, else the first). */
  providerHint: string | null;
  /** For the room week: its button (when the clinic has rooms) and chooser. */
  rooms: readonly RoomSummary[];
}

/** The period a view steps by, in words ("day", "semana"): read when drawn, in the language of the moment. */
const UNITS = {
  day: () => i18next.t('calendar:CalendarToolbar.unitDay'),
  week: () => i18next.t('calendar:CalendarToolbar.unitWeek'),
  room: () => i18next.t('calendar:CalendarToolbar.unitWeek'),
  month: () => i18next.t('calendar:CalendarToolbar.unitMonth'),
} as const;

/** The same view one period earlier or later. */
function step(view: Browsable, by: number): Browsable {
  if (view.kind === 'day') return { kind: 'day', date: addDays(view.date, by) };
  if (view.kind === 'week' || view.kind === 'room') return { ...view, date: addDays(view.date, 7 * by) };
  return { kind: 'month', date: addMonths(view.date, by) };
}

/** The view that holds `date`. */
function at(view: Browsable, date: string): Browsable {
  if (view.kind === 'day') return { kind: 'day', date };
  if (view.kind === 'week' || view.kind === 'room') return { ...view, date: weekOf(date) };
  return { kind: 'month', date: firstOfMonth(date) };
}

function heading(view: Browsable): string {
  if (view.kind === 'day') return dateLabel(view.date);
  if (view.kind === 'week' || view.kind === 'room')
    return `${shortDateLabel(view.date)} – ${dateLabel(addDays(view.date, 6))}`;
  return monthLabel(view.date);
}

/**
 * Day / Week / Month, previous and next, a date, the week's provider. Alt+← and Alt+→ step a
 * period from anywhere on the screen.
 */
export function CalendarToolbar({ view, today, zone, loading, providers, providerHint, rooms }: CalendarToolbarProps) {
  const { t } = useTranslation('calendar');
  const unit = UNITS[view.kind]();
  const current = at(view, today);
  const isCurrent = current.date === view.date;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        go(step(view, event.key === 'ArrowLeft' ? -1 : 1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);

  const weekProvider = view.kind === 'week' ? view.providerId : (providerHint ?? providers[0]?.id ?? null);
  const room = view.kind === 'room' ? view.roomId : (rooms[0]?.id ?? null);
  const anchor = view.kind === 'month' && today.slice(0, 7) === view.date.slice(0, 7) ? today : view.date;
  return (
    <div className="cal-toolbar">
      <h1>{t('CalendarToolbar.calendar')}</h1>
      <div className="cal-views" role="group" aria-label={t('CalendarToolbar.view')}>
        <button type="button" aria-pressed={view.kind === 'day'} onClick={() => go({ kind: 'day', date: anchor })}>
          {t('CalendarToolbar.day')}
        </button>
        <button
          type="button"
          aria-pressed={view.kind === 'week'}
          disabled={!weekProvider}
          onClick={() => weekProvider && go({ kind: 'week', providerId: weekProvider, date: weekOf(anchor) })}
        >
          {t('CalendarToolbar.week')}
        </button>
        <button
          type="button"
          aria-pressed={view.kind === 'month'}
          onClick={() => go({ kind: 'month', date: firstOfMonth(anchor) })}
        >
          {t('CalendarToolbar.month')}
        </button>
        {room && (
          <button
            type="button"
            aria-pressed={view.kind === 'room'}
            onClick={() => go({ kind: 'room', roomId: room, date: weekOf(anchor) })}
          >
            {t('CalendarToolbar.room')}
          </button>
        )}
      </div>
      <div className="cal-nav" role="group" aria-label={t('CalendarToolbar.choose', { unit })}>
        <button type="button" onClick={() => go(step(view, -1))} title={t('CalendarToolbar.alt')}>
          {t('CalendarToolbar.previous', { unit })}
        </button>
        <button type="button" onClick={() => go(current)} disabled={isCurrent}>
          {view.kind === 'day' ? t('CalendarToolbar.today') : t('CalendarToolbar.this', { unit })}
        </button>
        <button type="button" onClick={() => go(step(view, 1))} title={t('CalendarToolbar.alt2')}>
          {t('CalendarToolbar.next', { unit })}
        </button>
        <JumpToDate date={view.date} onDate={(date) => go(at(view, date))} />
        {view.kind === 'room' && (
          <Chooser
            id="cal-room"
            label={t('CalendarToolbar.room')}
            value={view.roomId}
            options={rooms.map((choice) => ({ value: choice.id, label: choice.name }))}
            onChange={(roomId) => go({ ...view, roomId })}
          />
        )}
        {view.kind === 'week' && (
          <Chooser
            id="cal-week-provider"
            label={t('CalendarToolbar.provider')}
            value={view.providerId}
            options={providers.map((provider) => ({ value: provider.id, label: provider.displayName }))}
            onChange={(providerId) => go({ ...view, providerId })}
          />
        )}
      </div>
      <p className="cal-date-label" aria-live="polite">
        <strong>{heading(view)}</strong>
        {isCurrent && (
          <span className="tag">
            {view.kind === 'day' ? t('CalendarToolbar.todayTag') : t('CalendarToolbar.this2', { unit })}
          </span>
        )}
        <span className="muted"> · {zone}</span>
        {loading && <span className="muted"> {t('CalendarToolbar.loading')}</span>}
      </p>
    </div>
  );
}

/** The week's provider or room: a select whose label is read out but not shown (the dates beside it say enough). */
function Chooser({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
