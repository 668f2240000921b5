import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { ROW_PX, SLOT_MINUTES, snap } from './layout';

export type DragMode = 'move' | 'resize';

/** Where a dragged appointment would land: a column and wall-clock minutes on that column's date. */
export interface DragGhost {
  appointmentId: string;
  mode: DragMode;
  column: number;
  start: number;
  end: number;
  /** The drop was made and main is answering. */
  pending: boolean;
}

export interface Drop {
  appointment: AppointmentView;
  mode: DragMode;
  fromColumn: number;
  column: number;
  start: number;
  end: number;
}

interface Active {
  appointment: AppointmentView;
  mode: DragMode;
  column: number;
  start: number;
  end: number;
  x: number;
  y: number;
  /** The scroller's scrollTop at the press: the grid may scroll under the pointer while dragging. */
  scrollTop: number;
  moved: boolean;
  /** Escape was pressed: the block stays, and the release is not a click. */
  cancelled: boolean;
}

/** Within this distance of the scroller's edge, dragging scrolls the grid that way. */
const EDGE_PX = 36;
const SCROLL_STEP_PX = 24;

/** The height of the bottom edge that resizes. */
const RESIZE_EDGE_PX = 7;

/** A press that travels less than this is a click (opens the appointment), not a drag. */
const THRESHOLD_PX = 4;

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Pointer dragging of appointment blocks: the block body moves (to another time, and to another
 * column under the pointer), the bottom edge resizes. Snaps to the grid's slots,
 * keeps a ghost of the target, and hands the drop to `onDrop` (which asks main); Escape or a lost
 * pointer cancels. The click that ends a drag is swallowed so it does not also open the block.
 */
export function useAppointmentDrag(options: {
  from: number;
  to: number;
  columnAt: (clientX: number) => number | null;
  /** The scrolling box around the grid. */
  scroller: () => HTMLElement | null;
  onDrop: (drop: Drop) => Promise<void>;
}) {
  const { from, to, columnAt, scroller, onDrop } = options;
  const [ghost, setGhost] = useState<DragGhost | null>(null);
  const active = useRef<Active | null>(null);
  const target = useRef<DragGhost | null>(null);
  const swallowClick = useRef(false);
  /** Where a keyboard drag started. */
  const keyed = useRef<{ appointment: AppointmentView; column: number; start: number; end: number } | null>(null);

  const show = (next: DragGhost | null) => {
    target.current = next;
    setGhost(next);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && active.current) {
        active.current.cancelled = true;
        show(null);
      }
      // A keyboard drag left behind (focus moved away) is dropped when Escape is pressed anywhere.
      if (event.key === 'Escape' && keyed.current && !target.current?.pending) {
        keyed.current = null;
        show(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function begin(
    event: ReactPointerEvent<HTMLElement>,
    appointment: AppointmentView,
    column: number,
    start: number,
    end: number,
  ) {
    if (event.button !== 0 || target.current?.pending) return;
    // The bottom edge (drawn by `.draggable::after`, no element of its own) resizes.
    const mode: DragMode =
      event.clientY > event.currentTarget.getBoundingClientRect().bottom - RESIZE_EDGE_PX ? 'resize' : 'move';
    active.current = {
      appointment,
      mode,
      column,
      start,
      end,
      x: event.clientX,
      y: event.clientY,
      scrollTop: scroller()?.scrollTop ?? 0,
      moved: false,
      cancelled: false,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  }

  function move(event: ReactPointerEvent<HTMLElement>) {
    const drag = active.current;
    if (!drag || drag.cancelled) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < THRESHOLD_PX) return;
    drag.moved = true;
    // Near an edge of the visible grid, scroll it so a far column or time can be reached.
    const box = scroller();
    if (box) {
      const rect = box.getBoundingClientRect();
      if (event.clientX > rect.right - EDGE_PX) box.scrollLeft += SCROLL_STEP_PX;
      else if (event.clientX < rect.left + EDGE_PX + 64) box.scrollLeft -= SCROLL_STEP_PX;
      if (event.clientY > rect.bottom - EDGE_PX) box.scrollTop += SCROLL_STEP_PX;
      else if (event.clientY < rect.top + EDGE_PX + 40) box.scrollTop -= SCROLL_STEP_PX;
    }
    const delta = ((dy + (box?.scrollTop ?? 0) - drag.scrollTop) / ROW_PX) * SLOT_MINUTES;
    let next: DragGhost;
    if (drag.mode === 'move') {
      const length = drag.end - drag.start;
      const start = clamp(snap(drag.start + delta), from, to - length);
      next = {
        appointmentId: drag.appointment.id,
        mode: 'move',
        column: columnAt(event.clientX) ?? target.current?.column ?? drag.column,
        start,
        end: start + length,
        pending: false,
      };
    } else {
      // The shortest an appointment can be resized to: up to the first slot line after its start.
      const shortest = Math.floor(drag.start / SLOT_MINUTES) * SLOT_MINUTES + SLOT_MINUTES;
      const end = clamp(snap(drag.end + delta), shortest, to);
      next = {
        appointmentId: drag.appointment.id,
        mode: 'resize',
        column: drag.column,
        start: drag.start,
        end,
        pending: false,
      };
    }
    const now = target.current;
    if (!now || now.column !== next.column || now.start !== next.start || now.end !== next.end) show(next);
  }

  async function end() {
    const drag = active.current;
    active.current = null;
    if (!drag?.moved) return;
    swallowClick.current = true;
    // Normally the click follows at once; if none comes, do not swallow a later, real one.
    setTimeout(() => {
      swallowClick.current = false;
    }, 0);
    const landing = target.current;
    if (
      drag.cancelled ||
      !landing ||
      (landing.column === drag.column && landing.start === drag.start && landing.end === drag.end)
    )
      return show(null);
    show({ ...landing, pending: true });
    try {
      await onDrop({
        appointment: drag.appointment,
        mode: drag.mode,
        fromColumn: drag.column,
        column: landing.column,
        start: landing.start,
        end: landing.end,
      });
    } finally {
      show(null);
    }
  }

  function cancel() {
    active.current = null;
    keyed.current = null;
    if (!target.current?.pending) show(null);
  }

  /**
   * The keyboard's drag, on a focused block: Shift+↑/↓ a slot earlier or later, Shift+←/→ the
   * neighbouring column, Shift+-/+ a slot shorter or longer; Enter drops, Escape puts it back.
   * Returns true when the key was used.
   */
  function key(
    event: ReactKeyboardEvent<HTMLElement>,
    appointment: AppointmentView,
    column: number,
    start: number,
    end: number,
    columns: number,
  ): boolean {
    const landing = target.current;
    const mine = keyed.current?.appointment.id === appointment.id && landing?.appointmentId === appointment.id;
    if (event.key === 'Enter' && mine && landing && !landing.pending) {
      const origin = keyed.current;
      keyed.current = null;
      if (
        !origin ||
        (landing.column === origin.column && landing.start === origin.start && landing.end === origin.end)
      ) {
        show(null);
        return true;
      }
      show({ ...landing, pending: true });
      void onDrop({
        appointment,
        mode: landing.end - landing.start === origin.end - origin.start ? 'move' : 'resize',
        fromColumn: origin.column,
        column: landing.column,
        start: landing.start,
        end: landing.end,
      }).finally(() => show(null));
      return true;
    }
    if (event.key === 'Escape' && mine) {
      keyed.current = null;
      show(null);
      return true;
    }
    if (!event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
    const base =
      mine && landing
        ? landing
        : { appointmentId: appointment.id, mode: 'move' as const, column, start, end, pending: false };
    if (base.pending) return true;
    if (!mine) keyed.current = { appointment, column, start, end };
    const length = base.end - base.start;
    let next: DragGhost;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const moved = clamp(
        snap(base.start + (event.key === 'ArrowUp' ? -SLOT_MINUTES : SLOT_MINUTES)),
        from,
        to - length,
      );
      next = { ...base, mode: 'move', start: moved, end: moved + length };
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      next = {
        ...base,
        mode: 'move',
        column: clamp(base.column + (event.key === 'ArrowLeft' ? -1 : 1), 0, columns - 1),
      };
    } else if (event.key === '_' || event.key === '-' || event.key === '+' || event.key === '=') {
      const shortest = Math.floor(base.start / SLOT_MINUTES) * SLOT_MINUTES + SLOT_MINUTES;
      const longer = event.key === '+' || event.key === '=';
      next = {
        ...base,
        mode: 'resize',
        end: clamp(snap(base.end + (longer ? SLOT_MINUTES : -SLOT_MINUTES)), shortest, to),
      };
    } else return false;
    show(next);
    return true;
  }

  /** True once for the click that ends a drag. */
  function consumeClick(): boolean {
    const swallow = swallowClick.current;
    swallowClick.current = false;
    return swallow;
  }

  return { ghost, begin, move, end, cancel, consumeClick, key };
}
