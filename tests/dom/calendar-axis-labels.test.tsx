import { describe, expect, it } from 'vitest';
import { axisLabels } from '../../src-renderer/src/screens/calendar/axis-labels';

const shown = (labels: ReturnType<typeof axisLabels>) =>
  labels.filter((label) => !label.underNow).map((label) => label.minute);

describe("the calendar axis's labels", () => {
  it('are every hour and half hour of the axis, the hours marked', () => {
    const labels = axisLabels(7 * 60, 9 * 60, null);
    expect(labels.map((label) => [label.minute, label.hour])).toEqual([
      [420, true],
      [450, false],
      [480, true],
      [510, false],
    ]);
  });

  it('hide the one the now label would half cover, and only that one', () => {
    // 10:27: the 10:30 label sits 3 minutes (4 px) below the now label's centre.
    expect(shown(axisLabels(7 * 60, 19 * 60, 10 * 60 + 27))).not.toContain(630);
    expect(shown(axisLabels(7 * 60, 19 * 60, 10 * 60 + 27))).toContain(600);
    expect(shown(axisLabels(7 * 60, 19 * 60, 10 * 60 + 27))).toContain(660);
    // 10:15 sits midway between two labels: both stay.
    expect(shown(axisLabels(7 * 60, 19 * 60, 10 * 60 + 15))).toEqual(
      axisLabels(7 * 60, 19 * 60, null).map((label) => label.minute),
    );
    // Exactly on the hour: that hour's label gives way to the now label, which reads the same.
    expect(shown(axisLabels(7 * 60, 19 * 60, 12 * 60))).not.toContain(720);
  });
});
