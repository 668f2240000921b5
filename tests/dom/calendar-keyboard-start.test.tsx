import { describe, expect, it } from 'vitest';
import { keyboardStartSlot } from '../../src-renderer/src/screens/calendar/keyboard-start';

const AXIS = { from: 7 * 60, to: 19 * 60 };

describe("the calendar's first keyboard slot", () => {
  it('is the slot under way now in the column of today, not 9:00 in the past', () => {
    const week = ['2027-03-08', '2027-03-09', '2027-03-10'];
    expect(keyboardStartSlot(week, '2027-03-09', 10 * 60 + 5, AXIS.from, AXIS.to)).toEqual({
      column: 1,
      minute: 10 * 60,
    });
    // Before the axis begins: its first slot.
    expect(keyboardStartSlot(week, '2027-03-09', 6 * 60, AXIS.from, AXIS.to)).toEqual({ column: 1, minute: AXIS.from });
  });

  it('is 9:00 in the first column on another day, or when today is over', () => {
    expect(keyboardStartSlot(['2027-03-10', '2027-03-10'], '2027-03-09', 10 * 60, AXIS.from, AXIS.to)).toEqual({
      column: 0,
      minute: 9 * 60,
    });
    expect(keyboardStartSlot(['2027-03-10'], '2027-03-10', 20 * 60, AXIS.from, AXIS.to)).toEqual({
      column: 0,
      minute: 9 * 60,
    });
    // An axis that starts after 9:00 starts the keyboard at its first slot.
    expect(keyboardStartSlot(['2027-03-10'], '2027-03-09', 0, 10 * 60, 19 * 60)).toEqual({ column: 0, minute: 600 });
  });
});
