import { memo, useMemo, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { MOVABLE_STATUSES } from '../../../../src-shared/scheduling/status';
import type { GridColumn } from './columns';
import { minutesOn, placeAppointments, ROW_PX, SLOT_MINUTES } from './layout';
import type { DragGhost } from './useAppointmentDrag';
import { useClockTime, type ClockTime } from '../../format/clock-time';
import { i18next, useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';

export function top(minute: number, from: number): number {
  return ((minute - from) / SLOT_MINUTES) * ROW_PX;
}

/** Stable callbacks from the grid (they read its latest state through refs), so memo holds. */
export interface ColumnHandlers {
  /** A click on the column's empty space, or Enter on its focused slot, books that slot. */
  slot: (index: number, minute: number) => void;
  slotKey: (event: KeyboardEvent<HTMLButtonElement>, index: number, minute: number) => void;
  appointment: (appointmentId: string) => void;
  dragKey: (
    event: KeyboardEvent<HTMLElement>,
    appointment: AppointmentView,
    index: number,
    start: number,
    end: number,
  ) => void;
  dragBegin: (
    event: PointerEvent<HTMLElement>,
    appointment: AppointmentView,
    index: number,
    start: number,
    end: number,
  ) => void;
  dragMove: (event: PointerEvent<HTMLElement>) => void;
  dragEnd: () => void;
  dragCancel: () => void;
}

interface DayColumnProps {
  /** Scrolled out of sight (and not in hand): only the column's box is drawn, not what is in it. */
  far: boolean;
  zone: string;
  column: GridColumn;
  index: number;
  from: number;
  to: number;
  canBook: boolean;
  canDrag: boolean;
  /** Everything below is null unless it concerns this column, so a change elsewhere does not re-render it. */
  /** The grid's one focusable slot, when it is in this column. */
  activeMinute: number | null;
  selectedMinute: number | null;
  selectedAppointment: string | null;
  ghost: DragGhost | null;
  dragging: string | null;
  now: number | null;
  handlers: ColumnHandlers;
}

/** The slot under a point of the column: the row the pointer is in. */
function minuteAt(event: MouseEvent<HTMLElement>, from: number, to: number): number {
  const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
  return Math.min(Math.max(from + Math.floor(y / ROW_PX) * SLOT_MINUTES, from), to - SLOT_MINUTES);
}

/**
 * One column of the grid. Empty slots are not elements: the slot lines are a background, availability
 * a few white blocks, a click books the row under the pointer, and one roving button (in the column
 * the keyboard is in) carries the slot's name and focus. Hovering shows the time in one marker moved
 * without React. Memoised: dragging or selecting in one column leaves the others alone.
 */
export const DayColumn = memo(function DayColumn(props: DayColumnProps) {
  const {
    far,
    zone,
    column,
    index,
    from,
    to,
    canBook,
    canDrag,
    activeMinute,
    selectedMinute,
    selectedAppointment,
    ghost,
    dragging,
    now,
    handlers,
  } = props;
  // Once per column, handed to its blocks: a subscription per block would cost the day view's paint.
  const clock = useClockTime();
  const placed = useMemo(
    () => (far ? [] : placeAppointments(zone, column.date, from, column.appointments)),
    [far, zone, column.date, from, column.appointments],
  );
  const height = top(to, from);
  if (far)
    return (
      <div className="cal-column far" style={{ height }} role="group" aria-label={column.label} data-column={index} />
    );

  const book = canBook
    ? {
        onClick: (event: MouseEvent<HTMLDivElement>) => {
          // Appointment blocks and the roving slot handle their own clicks.
          if ((event.target as HTMLElement).closest('button, a')) return;
          handlers.slot(index, minuteAt(event, from, to));
        },
        onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
          const marker = event.currentTarget.querySelector<HTMLElement>(':scope > .cal-hover');
          if (!marker) return;
          const overBlock = (event.target as HTMLElement).closest('.cal-appointment') !== null;
          const minute = minuteAt(event, from, to);
          // Over the chosen slot the slot says its own time: a second label there read as one drawn twice.
          marker.hidden = overBlock || minute === selectedMinute;
          marker.style.top = `${top(minute, from)}px`;
          marker.textContent = clock.minutes(minute);
        },
        onPointerLeave: (event: PointerEvent<HTMLDivElement>) => {
          const marker = event.currentTarget.querySelector<HTMLElement>(':scope > .cal-hover');
          if (marker) marker.hidden = true;
        },
      }
    : {};

  return (
    <div
      className={`cal-column${canBook ? ' bookable' : ''}${ghost ? ' drop-target' : ''}${column.hours === 'none' ? ' open' : ''}`}
      style={{ height }}
      role="group"
      aria-label={column.label}
      data-column={index}
      {...book}
    >
      {column.availability.map((span) => {
        const start = minutesOn(zone, column.date, span.start);
        const end = minutesOn(zone, column.date, span.end);
        return (
          <div
            key={`a${span.start}`}
            className="cal-available"
            style={{ top: top(start, from), height: top(end, from) - top(start, from) }}
          />
        );
      })}
      {column.timeOff.map((span) => {
        const start = Math.max(minutesOn(zone, column.date, span.start), from);
        const end = Math.min(minutesOn(zone, column.date, span.end), to);
        return (
          <div
            key={`t${span.start}`}
            className="cal-time-off"
            style={{ top: top(start, from), height: top(end, from) - top(start, from) }}
          >
            <span>
              {i18next.t('calendar:DayColumn.timeOff')}
              {span.reason ? `: ${span.reason}` : ''}
            </span>
          </div>
        );
      })}
      {canBook && <div className="cal-hover" hidden aria-hidden="true" />}
      {selectedMinute !== null && selectedMinute !== activeMinute && (
        <div className="cal-slot-selected" style={{ top: top(selectedMinute, from) }} aria-hidden="true" />
      )}
      {canBook && activeMinute !== null && (
        <button
          type="button"
          className={`cal-slot${selectedMinute === activeMinute ? ' selected' : ''}`}
          style={{ top: top(activeMinute, from) }}
          aria-label={i18next.t('calendar:DayColumn.bookAt', {
            bookLabel: column.bookLabel,
            activeMinute: clock.minutes(activeMinute),
          })}
          aria-pressed={selectedMinute === activeMinute}
          aria-keyshortcuts={i18next.t('calendar:DayColumn.arrowupArrowdownArrowleftArrowright')}
          onClick={() => handlers.slot(index, activeMinute)}
          onKeyDown={(event) => handlers.slotKey(event, index, activeMinute)}
        >
          {clock.minutes(activeMinute)}
        </button>
      )}
      {placed.map(({ appointment, start, end, top: y, height: h, lane, lanes }) => (
        <AppointmentBlock
          key={appointment.id}
          appointment={appointment}
          clock={clock}
          detail={column.blockDetail ? column.blockDetail(appointment) : appointment.typeName}
          // One lane (the usual case) is the style sheet's left and width: less inline style to parse.
          style={{
            top: y,
            height: h - 2,
            ...(lanes > 1 && {
              left: `calc((100% - 1.25rem) * ${lane / lanes})`,
              width: `calc((100% - 1.25rem) / ${lanes} - 2px)`,
            }),
            ...({ '--type-colour': appointment.colour } as CSSProperties),
          }}
          size={h <= ROW_PX ? 'tiny' : h <= ROW_PX * 2 ? 'compact' : 'full'}
          selected={selectedAppointment === appointment.id}
          draggable={canDrag && MOVABLE_STATUSES.includes(appointment.status)}
          dragging={dragging === appointment.id}
          onClick={() => handlers.appointment(appointment.id)}
          onKeyDown={(event) => handlers.dragKey(event, appointment, index, start, end)}
          onPointerDown={(event) => handlers.dragBegin(event, appointment, index, start, end)}
          handlers={handlers}
        />
      ))}
      {ghost && (
        <div
          className={`cal-ghost${ghost.pending ? ' pending' : ''}`}
          style={{ top: top(ghost.start, from), height: top(ghost.end, from) - top(ghost.start, from) - 2 }}
          aria-hidden="true"
        >
          {clock.minutes(ghost.start)}–{clock.minutes(ghost.end)}
        </div>
      )}
      {now !== null && now >= from && now < to && (
        <div className="cal-now" style={{ top: top(now, from) }} aria-hidden="true" />
      )}
    </div>
  );
});

interface BlockProps {
  appointment: AppointmentView;
  clock: ClockTime;
  /** The line under the name (the type; in a room's week the provider too). */
  detail: string;
  style: CSSProperties;
  /** One slot high, two, or more. */
  size: 'tiny' | 'compact' | 'full';
  selected: boolean;
  draggable: boolean;
  dragging: boolean;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  handlers: ColumnHandlers;
}

function AppointmentBlock({
  appointment,
  clock,
  detail,
  style,
  size,
  selected,
  draggable,
  dragging,
  onClick,
  onKeyDown,
  onPointerDown,
  handlers,
}: BlockProps) {
  const { t } = useTranslation('calendar');
  return (
    <button
      type="button"
      className={`cal-appointment status-${appointment.status}${selected ? ' selected' : ''}${size === 'full' ? '' : ` ${size}`}${draggable ? ' draggable' : ''}${dragging ? ' dragging' : ''}`}
      data-appointment={appointment.id}
      style={style}
      aria-pressed={selected}
      title={`${clock.span(appointment.startTime, appointment.endTime)} ${appointment.patientName} · ${detail} · ${appointmentStatusLabel(appointment.status)}${draggable ? t('DayColumn.dragToMoveDragThe') : ''}`}
      onClick={onClick}
      {...(draggable && {
        'aria-keyshortcuts': t('DayColumn.shiftArrowupShiftArrowdownShift'),
        onKeyDown,
        onPointerDown,
        onPointerMove: handlers.dragMove,
        onPointerUp: handlers.dragEnd,
        onPointerCancel: handlers.dragCancel,
      })}
    >
      {/* A one-slot block shows name and status only: the time and type it would hide are not built (its title has them). */}
      {size !== 'tiny' && (
        <span className="cal-appt-time">{clock.span(appointment.startTime, appointment.endTime)}</span>
      )}
      <span className={`cal-status status-${appointment.status}`}>{appointmentStatusLabel(appointment.status)}</span>
      <strong className="cal-appt-name">{appointment.patientName}</strong>
      {size !== 'tiny' && <span className="cal-appt-type">{detail}</span>}
    </button>
  );
}
