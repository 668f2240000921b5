import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES, type VisitStatus } from '../../src-shared/visits/status';
import {
  lastUndoable,
  planMove,
  planUndo,
  undoLabel,
  VISIT_TRANSITIONS,
  type EventForUndo,
  type MovingFields,
} from '../../src-main/core/visits/machine';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const ROOM = 'room-1';
const PROVIDER = 'provider-1';

/** A visit as it would be in each status, reached the ordinary way. */
function visitIn(status: VisitStatus): MovingFields {
  const base: MovingFields = {
    status,
    room_id: null,
    provider_id: PROVIDER,
    roomed_at: null,
    seen_at: null,
    ready_at: null,
    checked_out_at: null,
    status_since: T0,
  };
  const order: VisitStatus[] = ['arrived', 'roomed', 'with_provider', 'ready_for_checkout', 'checked_out'];
  const reached = order.indexOf(status);
  if (reached >= 1) Object.assign(base, { room_id: ROOM, roomed_at: T0 - 40 * 60_000 });
  if (reached >= 2) base.seen_at = T0 - 30 * 60_000;
  if (reached >= 3) base.ready_at = T0 - 10 * 60_000;
  if (reached >= 4) base.checked_out_at = T0 - 5 * 60_000;
  return base;
}

const EXPECTED: Record<VisitStatus, VisitStatus[]> = {
  arrived: ['roomed'],
  roomed: ['arrived', 'with_provider', 'ready_for_checkout'],
  with_provider: ['roomed', 'ready_for_checkout'],
  ready_for_checkout: ['with_provider', 'checked_out'],
  checked_out: [],
  cancelled: [],
};

describe('visit state machine', () => {
  it('has exactly the transitions a clinic floor needs', () => {
    expect(VISIT_TRANSITIONS).toEqual(EXPECTED);
  });

  for (const from of VISIT_STATUSES) {
    for (const to of VISIT_STATUSES) {
      const allowed = EXPECTED[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} -> ${to}`, () => {
        const plan = planMove(visitIn(from), { to, roomId: ROOM }, T0 + 60_000);
        if (allowed) {
          expect(plan.ok).toBe(true);
          if (plan.ok) {
            expect(plan.after.status).toBe(to);
            expect(plan.after.status_since).toBe(T0 + 60_000);
          }
        } else {
          expect(plan).toMatchObject({ ok: false, field: 'to' });
          if (!plan.ok) expect(plan.reason).toMatch(/cannot become/);
        }
      });
    }
  }

  it('needs a room to room a patient, and a provider for the provider to go in', () => {
    expect(planMove(visitIn('arrived'), { to: 'roomed' }, T0)).toMatchObject({ ok: false, field: 'roomId' });
    expect(planMove({ ...visitIn('roomed'), provider_id: null }, { to: 'with_provider' }, T0)).toMatchObject({
      ok: false,
      field: 'providerId',
    });
    expect(
      planMove({ ...visitIn('roomed'), provider_id: null }, { to: 'with_provider', providerId: 'p2' }, T0),
    ).toMatchObject({ ok: true, after: { provider_id: 'p2' } });
  });

  it('stamps the time of each status and clears later ones when going back', () => {
    const roomed = planMove(visitIn('arrived'), { to: 'roomed', roomId: ROOM }, T0 + 5 * 60_000);
    expect(roomed).toMatchObject({ ok: true, after: { room_id: ROOM, roomed_at: T0 + 5 * 60_000 } });
    const back = planMove(visitIn('with_provider'), { to: 'roomed' }, T0);
    // Back from the provider: same room, seen time cleared, roomed time kept.
    expect(back).toMatchObject({ ok: true, after: { room_id: ROOM, seen_at: null, roomed_at: T0 - 40 * 60_000 } });
    const waiting = planMove(visitIn('roomed'), { to: 'arrived' }, T0);
    expect(waiting).toMatchObject({ ok: true, after: { room_id: null, roomed_at: null } });
  });

  it('undo takes back the newest move not yet undone, one at a time, and never a call', () => {
    const events: EventForUndo[] = [
      { id: 'e1', action: 'arrive', to_status: 'arrived', undoes_event_id: null },
      { id: 'e2', action: 'move', to_status: 'roomed', undoes_event_id: null },
      { id: 'e3', action: 'call', to_status: 'roomed', undoes_event_id: null },
      { id: 'e4', action: 'move', to_status: 'with_provider', undoes_event_id: null },
    ];
    expect(lastUndoable(events)?.id).toBe('e4');
    const afterOne = [
      ...events,
      { id: 'u1', action: 'undo' as const, to_status: 'roomed' as const, undoes_event_id: 'e4' },
    ];
    expect(lastUndoable(afterOne)?.id).toBe('e2');
    const afterTwo = [
      ...afterOne,
      { id: 'u2', action: 'undo' as const, to_status: 'arrived' as const, undoes_event_id: 'e2' },
    ];
    expect(lastUndoable(afterTwo)?.id).toBe('e1');
    const afterThree = [
      ...afterTwo,
      { id: 'u3', action: 'undo' as const, to_status: 'cancelled' as const, undoes_event_id: 'e1' },
    ];
    expect(lastUndoable(afterThree)).toBeNull();
  });

  it('undoing a move restores the fields exactly; undoing the arrival cancels the visit', () => {
    const before = visitIn('arrived');
    const after = visitIn('roomed');
    expect(
      planUndo(after, { id: 'e2', action: 'move', to_status: 'roomed', undoes_event_id: null }, before, T0 + 1),
    ).toEqual(before);
    expect(
      planUndo(before, { id: 'e1', action: 'arrive', to_status: 'arrived', undoes_event_id: null }, before, T0 + 1),
    ).toMatchObject({
      status: 'cancelled',
      room_id: null,
    });
    expect(undoLabel({ action: 'arrive', to_status: 'arrived' })).toBe('Undo arrival');
    expect(undoLabel({ action: 'move', to_status: 'roomed' })).toBe('Undo: In room');
  });
});

describe('a clinic without a provider step', () => {
  it('checks a roomed patient out in one move and never offers "With provider"', () => {
    const roomed = visitIn('roomed');
    const out = planMove(roomed, { to: 'checked_out' }, T0, false);
    expect(out).toMatchObject({ ok: true, after: { status: 'checked_out', room_id: ROOM, checked_out_at: T0 } });
    expect(planMove(roomed, { to: 'with_provider' }, T0, false)).toMatchObject({ ok: false, field: 'to' });
    // With the step (the default), check-out still waits for "Ready for check-out".
    expect(planMove(roomed, { to: 'checked_out' }, T0)).toMatchObject({ ok: false, field: 'to' });
  });
});
