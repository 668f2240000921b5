import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { DaySchedule } from '../../../../src-shared/api/areas/scheduling';
import { STATUS_LABELS } from '../../../../src-shared/scheduling/status';
import { formatLocalTime } from '../../../../src-shared/scheduling/time';
import { minutesOn, placeAppointments, ROW_PX, SLOT_MINUTES } from './layout';

export type Selection = { kind: 'slot'; providerId: string; minute: number } | { kind: 'appointment'; appointmentId: string } | null;

interface DayGridProps {
  day: DaySchedule;
  from: number;
  to: number;
  /** Minutes since midnight when the day shown is today; null otherwise. */
  now: number | null;
  selection: Selection;
  canBook: boolean;
  onSlot: (providerId: string, minute: number) => void;
  onAppointment: (appointmentId: string) => void;
}

function top(minute: number, from: number): number {
  return ((minute - from) / SLOT_MINUTES) * ROW_PX;
}

/**
 * One column per provider on a wall-clock axis. Empty slots are buttons with one tab stop for the
 * whole grid (arrow keys move it, Enter books); appointments sit over them, leaving a strip on the
 * right so a slot stays reachable beside a booking.
 */
export function DayGrid({ day, from, to, now, selection, canBook, onSlot, onAppointment }: DayGridProps) {
  const zone = day.timeZone;
  const minutes = useMemo(() => {
    const list: number[] = [];
    for (let m = from; m < to; m += SLOT_MINUTES) list.push(m);
    return list;
  }, [from, to]);
  const [active, setActive] = useState<{ column: number; minute: number }>({ column: 0, minute: minutes.includes(9 * 60) ? 9 * 60 : from });
  const grid = useRef<HTMLDivElement>(null);
  const height = minutes.length * ROW_PX;
  const columns = day.providers.length;

  function moveFocus(event: KeyboardEvent, column: number, minute: number) {
    let next: { column: number; minute: number };
    if (event.key === 'ArrowDown') next = { column, minute: Math.min(minute + SLOT_MINUTES, to - SLOT_MINUTES) };
    else if (event.key === 'ArrowUp') next = { column, minute: Math.max(minute - SLOT_MINUTES, from) };
    else if (event.key === 'ArrowRight' && !event.altKey) next = { column: Math.min(column + 1, columns - 1), minute };
    else if (event.key === 'ArrowLeft' && !event.altKey) next = { column: Math.max(column - 1, 0), minute };
    else return;
    event.preventDefault();
    setActive(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-slot="${next.column}-${next.minute}"]`)?.focus();
  }

  // On opening a day, scroll to where the day starts (or to now on today), not to the top of the axis.
  const firstMinute = useMemo(() => {
    const starts = day.providers.flatMap((p) => p.availability.map((span) => minutesOn(zone, day.date, span.start)));
    return starts.length > 0 ? Math.min(...starts) : from;
  }, [day, zone, from]);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (scrolledFor.current === day.date || !grid.current) return;
    scrolledFor.current = day.date;
    const target = now ?? firstMinute;
    grid.current.scrollTop = Math.max(0, top(target - 60, from));
  }, [day.date, firstMinute, from, now]);

  const style = { '--columns': columns } as CSSProperties;
  return (
    <div className="cal-scroll" role="region" aria-label="Day schedule" ref={grid}>
      <div className="cal-grid" style={style}>
        <div className="cal-corner" aria-hidden="true" />
        {day.providers.map(({ provider }) => (
          <div key={provider.id} className="cal-head" role="columnheader">
            <span className="cal-dot" style={{ background: provider.colour }} aria-hidden="true" />
            <span className="cal-head-text">
              <strong>{provider.displayName}</strong>
              {provider.specialty && <small>{provider.specialty}</small>}
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
          {now !== null && now >= from && now < to && <span className="cal-now-label" style={{ top: top(now, from) }}>{formatLocalTime(now)}</span>}
        </div>
        {day.providers.map((column, index) => {
          const { provider } = column;
          const placed = placeAppointments(zone, day.date, from, column.appointments);
          return (
            <div key={provider.id} className="cal-column" style={{ height }} role="group" aria-label={provider.displayName}>
              {column.availability.map((span) => {
                const start = minutesOn(zone, day.date, span.start);
                const end = minutesOn(zone, day.date, span.end);
                return <div key={`a${span.start}`} className="cal-available" style={{ top: top(start, from), height: top(end, from) - top(start, from) }} />;
              })}
              {column.timeOff.map((span) => {
                const start = minutesOn(zone, day.date, span.start);
                const end = minutesOn(zone, day.date, span.end);
                return (
                  <div key={`t${span.start}`} className="cal-time-off" style={{ top: top(Math.max(start, from), from), height: top(Math.min(end, to), from) - top(Math.max(start, from), from) }}>
                    <span>Time off{span.reason ? `: ${span.reason}` : ''}</span>
                  </div>
                );
              })}
              {canBook &&
                minutes.map((m) => {
                  const selected = selection?.kind === 'slot' && selection.providerId === provider.id && selection.minute === m;
                  return (
                    <button
                      key={m}
                      type="button"
                      className={`cal-slot${m % 60 === 0 ? ' hour' : ''}${selected ? ' selected' : ''}`}
                      style={{ top: top(m, from) }}
                      data-slot={`${index}-${m}`}
                      tabIndex={active.column === index && active.minute === m ? 0 : -1}
                      aria-label={`Book ${provider.displayName} at ${formatLocalTime(m)}`}
                      aria-pressed={selected}
                      onClick={() => {
                        setActive({ column: index, minute: m });
                        onSlot(provider.id, m);
                      }}
                      onKeyDown={(event) => moveFocus(event, index, m)}
                    >
                      <span aria-hidden="true">{formatLocalTime(m)}</span>
                    </button>
                  );
                })}
              {!canBook && minutes.map((m) => <div key={m} className={`cal-slot${m % 60 === 0 ? ' hour' : ''}`} style={{ top: top(m, from) }} />)}
              {placed.map(({ appointment, top: y, height: h, lane, lanes }) => {
                const selected = selection?.kind === 'appointment' && selection.appointmentId === appointment.id;
                return (
                  <button
                    key={appointment.id}
                    type="button"
                    className={`cal-appointment status-${appointment.status}${selected ? ' selected' : ''}${h <= ROW_PX ? ' tiny' : h <= ROW_PX * 2 ? ' compact' : ''}`}
                    style={{
                      top: y,
                      height: h - 2,
                      left: `calc((100% - 1.25rem) * ${lane / lanes})`,
                      width: `calc((100% - 1.25rem) / ${lanes} - 2px)`,
                      '--type-colour': appointment.colour,
                    } as CSSProperties}
                    aria-pressed={selected}
                    title={`${appointment.startTime}–${appointment.endTime} ${appointment.patientName} · ${appointment.typeName} · ${STATUS_LABELS[appointment.status]}`}
                    onClick={() => onAppointment(appointment.id)}
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
              {now !== null && now >= from && now < to && <div className="cal-now" style={{ top: top(now, from) }} aria-hidden="true" />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
