import { HLC_PATTERN, MAX_CLOCK_SKEW_MS } from './protocol';

/**
 * A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds that never go backwards, plus a
 * counter for stamps within one millisecond, plus the device id as the final tie-break. Pure: the
 * caller passes the time and keeps the state, so the desk can persist it in the same transaction as
 * what it stamps, and a refused or rolled-back batch leaves it where it was.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

export interface HlcStamp extends HlcState {
  device: string;
}

const MAX_COUNTER = 999_999;
const MAX_WALL = 999_999_999_999_999;

/** The next stamp for a local event at `now`, and the clock after it. */
export function send(state: HlcState, now: number): HlcState {
  if (now > state.wall) return { wall: now, counter: 0 };
  // Six digits of counter: past them, borrow the next millisecond rather than break the text order.
  if (state.counter >= MAX_COUNTER) return { wall: state.wall + 1, counter: 0 };
  return { wall: state.wall, counter: state.counter + 1 };
}

export type ReceiveResult =
  { ok: true; state: HlcState } | { ok: false; state: HlcState; skewMs: number; message: string };

/**
 * The clock after seeing a remote stamp at `now`. A stamp further ahead than MAX_CLOCK_SKEW_MS is
 * refused and the clock stays where it was: one desk with a wrong date must not drag every other
 * desk's clock days forward (Actual's clock-drift failure).
 *
 * "Ahead" is measured from the later of this desk's clock and `trusted`, the server's time as it
 * answered the pull: the server refuses desks further than MAX_CLOCK_SKEW_MS from its own clock, so two
 * desks it accepts may be twice that apart, and measured from its own clock alone a desk a day slow
 * would refuse a desk a day fast for half a day (found by tests/sync/convergence.test.ts).
 */
export function receive(state: HlcState, remote: HlcState, now: number, trusted: number = now): ReceiveResult {
  const skewMs = remote.wall - Math.max(now, trusted);
  if (skewMs > MAX_CLOCK_SKEW_MS) {
    const hours = Math.round(skewMs / 3_600_000);
    return {
      ok: false,
      state,
      skewMs,
      message: `A change is stamped ${hours} hours ahead of this computer's clock and the server's (more than ${MAX_CLOCK_SKEW_MS / 3_600_000} allowed): check the date and time on both computers.`,
    };
  }
  const wall = Math.max(state.wall, remote.wall, now);
  let counter: number;
  if (wall === state.wall && wall === remote.wall) counter = Math.max(state.counter, remote.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { ok: true, state: { wall: wall + 1, counter: 0 } };
  return { ok: true, state: { wall, counter } };
}

/** Orders two clocks (ignoring devices): negative when `a` is earlier. */
export function compareState(a: HlcState, b: HlcState): number {
  return a.wall - b.wall || a.counter - b.counter;
}

/** Orders two stamps; text order of the formatted stamps is the same order. */
export function compare(a: HlcStamp, b: HlcStamp): number {
  return compareState(a, b) || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

export function format(stamp: HlcStamp): string {
  if (stamp.wall < 0 || stamp.wall > MAX_WALL || !Number.isInteger(stamp.wall)) {
    throw new RangeError(`HLC wall time ${stamp.wall} is out of range`);
  }
  return `${String(stamp.wall).padStart(15, '0')}:${String(stamp.counter).padStart(6, '0')}:${stamp.device}`;
}

export function parse(text: string): HlcStamp {
  if (!HLC_PATTERN.test(text)) throw new RangeError(`Not an HLC stamp: ${text.slice(0, 80)}`);
  return { wall: Number(text.slice(0, 15)), counter: Number(text.slice(16, 22)), device: text.slice(23) };
}
