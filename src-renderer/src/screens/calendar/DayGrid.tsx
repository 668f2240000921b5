import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { GridColumn } from './columns';
import { DayColumn, top, type ColumnHandlers } from './DayColumn';
import { axisLabels } from './axis-labels';
import { keyboardStartSlot } from './keyboard-start';
import { minutesOn, SLOT_MINUTES } from './layout';
import { useAppointmentDrag, type Drop } from './useAppointmentDrag';
import { useClockTime } from '../../format/clock-time';
import { useTranslation } from '../../i18n';

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

/**
 * Columns (providers on a day, or one provider's days) on a wall-clock axis. An empty slot is booked
 * by clicking its row; for the keyboard the grid has one focusable slot (arrow keys move it, Enter
 * books). Appointments sit over the rows, leaving a strip on the right so a slot stays reachable
 * beside a booking. Blocks can be dragged to another time or column, and resized by their bottom edge.
 */
export function DayGrid({
  zone,
  columns,
  label,
  from,
  to,
  today,
  now,
  selection,
  canBook,
  onDrop,
  onSlot,
  onAppointment,
}: DayGridProps) {
  const { t } = useTranslation('calendar');
  const clock = useClockTime();
  const [active, setActive] = useState<{ column: number; minute: number }>(() =>
    keyboardStartSlot(
      columns.map((column) => column.date),
      today,
      now,
      from,
      to,
    ),
  );
  const grid = useRef<HTMLDivElement>(null);
  const near = useNearColumns(grid, columns.length);
  // Columns out of sight are not drawn, so Tab would skip their appointments: the first Tab pressed
  // in the grid draws every column of this day before the browser moves the focus.
  const scrollKey = columns.map((column) => column.date).join();
  const [tabbedOn, setTabbedOn] = useState<string | null>(null);
  const drawAll = tabbedOn === scrollKey;
  const height = top(to, from);
  const count = columns.length;
  const showsToday = columns.some((column) => column.date === today);

  const drag = useAppointmentDrag({
    from,
    to,
    columnAt: (x) => {
      const elements = grid.current?.querySelectorAll<HTMLElement>('.cal-column') ?? [];
      for (const element of elements) {
        const box = element.getBoundingClientRect();
        if (x >= box.left && x < box.right) return Number(element.dataset.column);
      }
      return null;
    },
    scroller: () => grid.current,
    onDrop: onDrop ?? (() => Promise.resolve()),
  });

  // The columns are memoised with one handlers object; it reads the latest render through this ref.
  const latest = useRef({ drag, columns, onSlot, onAppointment, from, to, count });
  latest.current = { drag, columns, onSlot, onAppointment, from, to, count };
  /** The roving slot moved by the keyboard gets the focus once it is drawn in its (maybe new) column. */
  const focusSlot = useRef(false);
  const handlers = useMemo<ColumnHandlers>(
    () => ({
      slot: (index, minute) => {
        const { columns: shown, onSlot: book } = latest.current;
        const column = shown[index];
        if (!column) return;
        setActive({ column: index, minute });
        book(column.providerId, column.date, minute);
      },
      slotKey: (event, column, minute) => {
        const { from: first, to: last, count: width } = latest.current;
        let next: { column: number; minute: number };
        if (event.key === 'ArrowDown') next = { column, minute: Math.min(minute + SLOT_MINUTES, last - SLOT_MINUTES) };
        else if (event.key === 'ArrowUp') next = { column, minute: Math.max(minute - SLOT_MINUTES, first) };
        else if (event.key === 'ArrowRight' && !event.altKey)
          next = { column: Math.min(column + 1, width - 1), minute };
        else if (event.key === 'ArrowLeft' && !event.altKey) next = { column: Math.max(column - 1, 0), minute };
        else return;
        event.preventDefault();
        focusSlot.current = true;
        setActive(next);
      },
      appointment: (appointmentId) => {
        const { drag: dragging, onAppointment: open } = latest.current;
        if (!dragging.consumeClick()) open(appointmentId);
      },
      dragKey: (event, appointment, index, start, end) => {
        const { drag: dragging, count: width } = latest.current;
        if (dragging.key(event, appointment, index, start, end, width)) {
          event.preventDefault();
          event.stopPropagation();
          if (event.key === 'Enter') refocus.current = { id: appointment.id, columns: latest.current.columns };
        }
      },
      dragBegin: (event, appointment, index, start, end) =>
        latest.current.drag.begin(event, appointment, index, start, end),
      dragMove: (event) => latest.current.drag.move(event),
      dragEnd: () => void latest.current.drag.end(),
      dragCancel: () => latest.current.drag.cancel(),
    }),
    [],
  );
  /**
   * A block dropped by the keyboard is drawn again where it landed (often in another column): once the
   * drop is settled, the focus goes to it there instead of being lost with the old element.
   */
  const refocus = useRef<{ id: string; columns: readonly unknown[] } | null>(null);
  useLayoutEffect(() => {
    const pending = refocus.current;
    // Wait for the day read again after the drop: focusing the block still drawn where it was would lose
    // the focus when the refreshed columns replace it (it often lands in another column).
    if (!pending || drag.ghost || columns === pending.columns) return;
    const { id } = pending;
    refocus.current = null;
    const active = document.activeElement;
    // Focus moved elsewhere on purpose meanwhile: leave it there.
    if (active && active !== document.body && !grid.current?.contains(active)) return;
    grid.current?.querySelector<HTMLElement>(`.cal-appointment[data-appointment="${id}"]`)?.focus();
  }, [drag.ghost, columns]);
  useLayoutEffect(() => {
    if (!focusSlot.current) return;
    focusSlot.current = false;
    const slot = grid.current?.querySelector<HTMLButtonElement>('button.cal-slot');
    slot?.focus();
    // A step within its column moves the element already focused, and focusing it again scrolls nothing:
    // brought into sight here, clear of the sticky names row (the scroller's scroll-padding).
    slot?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active]);

  // On opening a day or week, scroll to where the day starts (or to now on today), not to the top of the axis.
  const firstMinute = useMemo(() => {
    const starts = columns.flatMap((column) =>
      column.availability.map((span) => minutesOn(zone, column.date, span.start)),
    );
    return starts.length > 0 ? Math.min(...starts) : from;
  }, [columns, zone, from]);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (scrolledFor.current === scrollKey || !grid.current) return;
    scrolledFor.current = scrollKey;
    const target = showsToday ? now : firstMinute;
    grid.current.scrollTop = Math.max(0, top(target - 60, from));
  }, [scrollKey, firstMinute, from, now, showsToday]);

  const nowShown = showsToday && now >= from && now < to;
  const ghost = drag.ghost;
  // "10:30 PM" needs a wider axis than "22:30" (labels never wrap).
  const style = { '--columns': count, '--axis-width': clock.format === '12h' ? '5rem' : '4rem' } as CSSProperties;
  const selectedSlot = selection?.kind === 'slot' ? selection : null;
  const selectedAppointment = selection?.kind === 'appointment' ? selection.appointmentId : null;
  const holds = (column: GridColumn, id: string | null) => id !== null && column.appointments.some((a) => a.id === id);
  return (
    <div
      className="cal-scroll"
      role="region"
      aria-label={label}
      ref={grid}
      onKeyDown={(event) => {
        if (event.key === 'Tab' && !drawAll) flushSync(() => setTabbedOn(scrollKey));
      }}
    >
      <div className="cal-grid" style={style}>
        <div className="cal-corner" aria-hidden="true" />
        {columns.map((column) => (
          <ColumnHead key={column.key} column={column} />
        ))}
        <div className="cal-axis" style={{ height }} aria-hidden="true">
          {axisLabels(from, to, nowShown ? now : null).map(({ minute, hour, underNow }) => (
            <span
              key={minute}
              className={`${hour ? 'cal-hour' : 'cal-half'}${underNow ? ' cal-under-now' : ''}`}
              style={{ top: top(minute, from) }}
            >
              {clock.minutes(minute)}
            </span>
          ))}
          {nowShown && (
            <span className="cal-now-label" style={{ top: top(now, from) }}>
              {clock.minutes(now)}
            </span>
          )}
        </div>
        {columns.map((column, index) => (
          <DayColumn
            key={column.key}
            // Off screen and not in hand: only the column's box (see useNearColumns).
            far={
              !drawAll &&
              (index < near.first || index >= near.last) &&
              Math.min(active.column, count - 1) !== index &&
              ghost?.column !== index &&
              !(ghost && holds(column, ghost.appointmentId)) &&
              !holds(column, selectedAppointment) &&
              !(selectedSlot && selectedSlot.providerId === column.providerId && selectedSlot.date === column.date)
            }
            zone={zone}
            column={column}
            index={index}
            from={from}
            to={to}
            canBook={canBook}
            canDrag={onDrop !== undefined}
            activeMinute={
              Math.min(active.column, count - 1) === index
                ? Math.min(Math.max(active.minute, from), to - SLOT_MINUTES)
                : null
            }
            selectedMinute={
              selectedSlot && selectedSlot.providerId === column.providerId && selectedSlot.date === column.date
                ? selectedSlot.minute
                : null
            }
            selectedAppointment={holds(column, selectedAppointment) ? selectedAppointment : null}
            ghost={ghost && ghost.column === index ? ghost : null}
            dragging={ghost && holds(column, ghost.appointmentId) ? ghost.appointmentId : null}
            now={column.date === today ? now : null}
            handlers={handlers}
          />
        ))}
      </div>
      {ghost && (
        <p className="visually-hidden" aria-live="polite">
          {t(ghost.pending ? 'DayGrid.movingTo' : 'DayGrid.dropToMoveTo', {
            label: columns[ghost.column]?.label,
            start: clock.minutes(ghost.start),
            end: clock.minutes(ghost.end),
          })}
        </p>
      )}
    </div>
  );
}

/** A column's header: its name, and links to the provider's week, the day, the day sheet. */
const ColumnHead = memo(function ColumnHead({ column }: { column: GridColumn }) {
  return (
    <div className="cal-head" role="heading" aria-level={3}>
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
  );
});

/** Columns are at least 11.5rem wide (the style sheet's `minmax(11.5rem, 1fr)`); the axis is 4rem. */
const MIN_COLUMN_PX = 184;
const AXIS_PX = 64;
/** Columns drawn beyond each side of the visible ones, so a short scroll shows no empty column. */
const OVERSCAN = 1;

/** How many columns fitted across the scroller when it was last measured (a grid opened again starts scrolled to the left). */
let lastFit: number | null = null;

/**
 * The columns in or next to the scroller's visible width, as [first, last). Before the first paint
 * the scroller is not measured (that would lay out the whole grid first): the last measured width,
 * else the window's, is the guess; after the paint, and on every scroll or resize, the real boxes decide.
 */
function useNearColumns(scroller: RefObject<HTMLDivElement | null>, count: number): { first: number; last: number } {
  const [near, setNear] = useState(() => ({
    first: 0,
    last: (lastFit ?? Math.ceil(Math.max(window.innerWidth - AXIS_PX, 0) / MIN_COLUMN_PX)) + OVERSCAN,
  }));
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const first = box.querySelector<HTMLElement>('.cal-column');
      const axis = box.querySelector<HTMLElement>('.cal-axis');
      const width = first?.offsetWidth || MIN_COLUMN_PX;
      const axisWidth = axis?.offsetWidth ?? AXIS_PX;
      lastFit = Math.ceil((box.clientWidth - axisWidth) / width);
      const next = {
        first: Math.max(0, Math.floor(box.scrollLeft / width) - OVERSCAN),
        last: Math.ceil((box.scrollLeft + box.clientWidth - axisWidth) / width) + OVERSCAN,
      };
      setNear((shown) => (shown.first === next.first && shown.last === next.last ? shown : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    box.addEventListener('scroll', schedule, { passive: true });
    const resized = new ResizeObserver(schedule);
    resized.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener('scroll', schedule);
      resized.disconnect();
    };
  }, [scroller, count]);
  return near;
}
