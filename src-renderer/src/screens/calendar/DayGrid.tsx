import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { MOVABLE_STATUSES, STATUS_LABELS } from '../../../../src-shared/scheduling/status';
import { formatLocalTime } from '../../../../src-shared/scheduling/time';
import type { GridColumn } from './columns';
import { minutesOn, placeAppointments, ROW_PX, SLOT_MINUTES } from './layout';
import { useAppointmentDrag, type Drop } from './useAppointmentDrag';

export type Selection =
  | { kind: 'slot'; providerId: string; date: string; minute: number }
  | { kind: 'appointment'; appointmentId: string }
  | null;

interface DayGridProps {
  zone: string;
  columns: readonly GridColumn[];
  /** The region's accessible name ('Day schedule', 'Week schedule'). */
  label: string;
  from: number;
  to: number;
  /** Today's date and the minutes since its midnight: the now-line is drawn in today's columns. */
  today: string;
  now: number;
  selection: Selection;
  canBook: boolean;
  /** Dragging to move or resize is offered when given. */
  onDrop?: ((drop: Drop) => Promise<void>) | undefined;
  onSlot: (providerId: string, date: string, minute: number) => void;
  onAppointment: (appointmentId: string) => void;
}

function top(minute: number, from: number): number {
  return ((minute - from) / SLOT_MINUTES) * ROW_PX;
}

/**
 * Columns (providers on a day, or one provider's days) on a wall-clock axis. Empty slots are buttons
 * with one tab stop for the whole grid (arrow keys move it, Enter books); appointments sit over them,
 * leaving a strip on the right so a slot stays reachable beside a booking. Blocks can be dragged to
 * another time or column, and resized by their bottom edge.
 */
export function DayGrid({ zone, columns, label, from, to, today, now, selection, canBook, onDrop, onSlot, onAppointment }: DayGridProps) {
  const minutes = useMemo(() => {
    const list: number[] = [];
    for (let m = from; m < to; m += SLOT_MINUTES) list.push(m);
    return list;
  }, [from, to]);
  const [active, setActive] = useState<{ column: number; minute: number }>({ column: 0, minute: minutes.includes(9 * 60) ? 9 * 60 : from });
  const grid = useRef<HTMLDivElement>(null);
  const columnElements = useRef<(HTMLDivElement | null)[]>([]);
  const height = minutes.length * ROW_PX;
  const count = columns.length;
  const showsToday = columns.some((column) => column.date === today);

  const drag = useAppointmentDrag({
    from,
    to,
    columnAt: (x) => {
      const index = columnElements.current.findIndex((element) => {
        const box = element?.getBoundingClientRect();
        return box !== undefined && x >= box.left && x < box.right;
      });
      return index === -1 ? null : index;
    },
    scroller: () => grid.current,
    onDrop: onDrop ?? (() => Promise.resolve()),
  });

  function moveFocus(event: KeyboardEvent, column: number, minute: number) {
    let next: { column: number; minute: number };
    if (event.key === 'ArrowDown') next = { column, minute: Math.min(minute + SLOT_MINUTES, to - SLOT_MINUTES) };
    else if (event.key === 'ArrowUp') next = { column, minute: Math.max(minute - SLOT_MINUTES, from) };
    else if (event.key === 'ArrowRight' && !event.altKey) next = { column: Math.min(column + 1, count - 1), minute };
    else if (event.key === 'ArrowLeft' && !event.altKey) next = { column: Math.max(column - 1, 0), minute };
    else return;
    event.preventDefault();
    setActive(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-slot="${next.column}-${next.minute}"]`)?.focus();
  }

  // On opening a day or week, scroll to where the day starts (or to now on today), not to the top of the axis.
  const firstMinute = useMemo(() => {
    const starts = columns.flatMap((column) => column.availability.map((span) => minutesOn(zone, column.date, span.start)));
    return starts.length > 0 ? Math.min(...starts) : from;
  }, [columns, zone, from]);
  const scrollKey = columns.map((column) => column.date).join();
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (scrolledFor.current === scrollKey || !grid.current) return;
    scrolledFor.current = scrollKey;
    const target = showsToday ? now : firstMinute;
    grid.current.scrollTop = Math.max(0, top(target - 60, from));
  }, [scrollKey, firstMinute, from, now, showsToday]);

  const ghost = drag.ghost;
  const style = { '--columns': count } as CSSProperties;
  return (
    <div className="cal-scroll" role="region" aria-label={label} ref={grid}>
      <div className="cal-grid" style={style}>
        <div className="cal-corner" aria-hidden="true" />
        {columns.map((column) => (
          <div key={column.key} className="cal-head" role="columnheader">
            {column.colour && <span className="cal-dot" style={{ background: column.colour }} aria-hidden="true" />}
            <span className="cal-head-text">
              <strong>{column.label}</strong>
              {column.sublabel && <small>{column.sublabel}</small>}
              {column.links.length > 0 && (
                <span className="cal-head-links">
                  {column.links.map((link) => (
                    <a key={link.text} href={link.href} aria-label={link.label}>
                      {link.text}
                    </a>
                  ))}
                </span>
              )}
            </span>
          </div>
        ))}
        <div className="cal-axis" style={{ height }} aria-hidden="true">
          {minutes
            .filter((m) => m % 60 === 0 || m % 60 === 30)
            .map((m) => (
              <span key={m} className={m % 60 === 0 ? 'cal-hour' : 'cal-half'} style={{ top: top(m, from) }}>
                {formatLocalTime(m)}
              </span>
            ))}
          {showsToday && now >= from && now < to && (
            <span className="cal-now-label" style={{ top: top(now, from) }}>
              {formatLocalTime(now)}
            </span>
          )}
        </div>
        {columns.map((column, index) => {
          const placed = placeAppointments(zone, column.date, from, column.appointments);
          return (
            <div
              key={column.key}
              ref={(element) => {
                columnElements.current[index] = element;
              }}
              className={`cal-column${ghost && ghost.column === index ? ' drop-target' : ''}`}
              style={{ height }}
              role="group"
              aria-label={column.label}
            >
              {column.availability.map((span) => {
                const start = minutesOn(zone, column.date, span.start);
                const end = minutesOn(zone, column.date, span.end);
                return <div key={`a${span.start}`} className="cal-available" style={{ top: top(start, from), height: top(end, from) - top(start, from) }} />;
              })}
              {column.timeOff.map((span) => {
                const start = minutesOn(zone, column.date, span.start);
                const end = minutesOn(zone, column.date, span.end);
                return (
                  <div key={`t${span.start}`} className="cal-time-off" style={{ top: top(Math.max(start, from), from), height: top(Math.min(end, to), from) - top(Math.max(start, from), from) }}>
                    <span>Time off{span.reason ? `: ${span.reason}` : ''}</span>
                  </div>
                );
              })}
              {canBook &&
                minutes.map((m) => {
                  const selected = selection?.kind === 'slot' && selection.providerId === column.providerId && selection.date === column.date && selection.minute === m;
                  return (
                    <button
                      key={m}
                      type="button"
                      className={`cal-slot${m % 60 === 0 ? ' hour' : ''}${selected ? ' selected' : ''}`}
                      style={{ top: top(m, from) }}
                      data-slot={`${index}-${m}`}
                      tabIndex={active.column === index && active.minute === m ? 0 : -1}
                      aria-label={`Book ${column.bookLabel} at ${formatLocalTime(m)}`}
                      aria-pressed={selected}
                      onClick={() => {
                        setActive({ column: index, minute: m });
                        onSlot(column.providerId, column.date, m);
                      }}
                      onKeyDown={(event) => moveFocus(event, index, m)}
                      // The time shows on hover and focus through CSS (::after): one element fewer per slot.
                      data-time={formatLocalTime(m)}
                    />
                  );
                })}
              {!canBook && minutes.map((m) => <div key={m} className={`cal-slot${m % 60 === 0 ? ' hour' : ''}`} style={{ top: top(m, from) }} />)}
              {placed.map(({ appointment, start, end, top: y, height: h, lane, lanes }) => {
                const selected = selection?.kind === 'appointment' && selection.appointmentId === appointment.id;
                const draggable = onDrop !== undefined && MOVABLE_STATUSES.includes(appointment.status);
                const dragged = ghost?.appointmentId === appointment.id;
                return (
                  <button
                    key={appointment.id}
                    type="button"
                    className={`cal-appointment status-${appointment.status}${selected ? ' selected' : ''}${h <= ROW_PX ? ' tiny' : h <= ROW_PX * 2 ? ' compact' : ''}${draggable ? ' draggable' : ''}${dragged ? ' dragging' : ''}`}
                    style={{
                      top: y,
                      height: h - 2,
                      left: `calc((100% - 1.25rem) * ${lane / lanes})`,
                      width: `calc((100% - 1.25rem) / ${lanes} - 2px)`,
                      '--type-colour': appointment.colour,
                    } as CSSProperties}
                    aria-pressed={selected}
                    title={`${appointment.startTime}–${appointment.endTime} ${appointment.patientName} · ${appointment.typeName} · ${STATUS_LABELS[appointment.status]}${draggable ? ' · drag to move, drag the bottom edge to change the length' : ''}`}
                    onClick={() => {
                      if (!drag.consumeClick()) onAppointment(appointment.id);
                    }}
                    {...(draggable && {
                      'aria-keyshortcuts': 'Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+Minus Shift+Plus',
                      onKeyDown: (event) => {
                        if (drag.key(event, appointment, index, start, end, count)) {
                          event.preventDefault();
                          event.stopPropagation();
                        }
                      },
                      onPointerDown: (event) => drag.begin(event, appointment, index, start, end),
                      onPointerMove: drag.move,
                      onPointerUp: () => void drag.end(),
                      onPointerCancel: drag.cancel,
                    })}
                  >
                    <span className="cal-appt-line">
                      <span className="cal-appt-time">
                        {appointment.startTime}
                        <span className="cal-appt-end">–{appointment.endTime}</span>
                      </span>
                      <span className={`cal-status status-${appointment.status}`}>{STATUS_LABELS[appointment.status]}</span>
                    </span>
                    <strong className="cal-appt-name">{appointment.patientName}</strong>
                    <span className="cal-appt-type">{appointment.typeName}</span>
                  </button>
                );
              })}
              {ghost && ghost.column === index && (
                <div className={`cal-ghost${ghost.pending ? ' pending' : ''}`} style={{ top: top(ghost.start, from), height: top(ghost.end, from) - top(ghost.start, from) - 2 }} aria-hidden="true">
                  {formatLocalTime(ghost.start)}–{formatLocalTime(ghost.end)}
                </div>
              )}
              {column.date === today && now >= from && now < to && <div className="cal-now" style={{ top: top(now, from) }} aria-hidden="true" />}
            </div>
          );
        })}
      </div>
      {ghost && (
        <p className="visually-hidden" aria-live="polite">
          {ghost.pending ? 'Moving' : 'Drop to move'} to {columns[ghost.column]?.label} {formatLocalTime(ghost.start)}–{formatLocalTime(ghost.end)}
        </p>
      )}
    </div>
  );
}
