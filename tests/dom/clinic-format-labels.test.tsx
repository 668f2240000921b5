// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import type * as WaitlistForm from '../../src-renderer/src/screens/waitlist/AddWaitlistEntryForm';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

let clinic: TestClinic;
let PART_LABELS: typeof WaitlistForm.PART_LABELS;
let settings: typeof SettingsModule;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  ({ PART_LABELS } = await import('../../src-renderer/src/screens/waitlist/AddWaitlistEntryForm'));
  settings = await import('../../src-renderer/src/stores/clinic-settings');
});

afterAll(async () => {
  await clinic.close();
});

describe('the parts of the day a patient prefers', () => {
  it('name their bounds in the clinic’s time format', async () => {
    const stored = await clinic.ok('admin', 'settings.get', {});
    settings.useClinicSettings.getState().set({ ...stored, timeFormat: '12h' });
    expect([PART_LABELS.morning, PART_LABELS.afternoon, PART_LABELS.evening]).toEqual([
      'Morning (before 12:00 PM)',
      'Afternoon (12:00 PM–5:00 PM)',
      'Evening (after 5:00 PM)',
    ]);
    settings.useClinicSettings.getState().set({ ...stored, timeFormat: '24h' });
    expect(PART_LABELS.afternoon).toBe('Afternoon (12:00–17:00)');
  });
});

describe('a date listed away from the calendar (a patient’s appointments)', () => {
  it('carries its year when it is not this year’s, in the clinic’s order', async () => {
    const { shortDateLabelWithYearAway } = await import('../../src-renderer/src/screens/calendar/format');
    const stored = await clinic.ok('admin', 'settings.get', {});
    const december6 = Date.UTC(2026, 11, 6, 12);
    settings.useClinicSettings.getState().set({ ...stored, timeZone: 'Europe/London', dateFormat: 'DD/MM/YYYY' });
    expect(shortDateLabelWithYearAway('2026-12-08', december6)).toBe('Tue 8 Dec');
    expect(shortDateLabelWithYearAway('2027-01-05', december6)).toBe('Tue, 5 Jan 2027');
    settings.useClinicSettings.getState().set({ ...stored, timeZone: 'America/New_York', dateFormat: 'MM/DD/YYYY' });
    expect(shortDateLabelWithYearAway('2025-11-03', december6)).toBe('Mon, Nov 3, 2025');
    settings.useClinicSettings.getState().set(stored);
  });
});

describe('the backups list', () => {
  it('writes when each ran on the clinic’s clock (12-hour here), like every other screen', async () => {
    const { render, screen, cleanup } = await import('@testing-library/react');
    const { BackupRunsTable } = await import('../../src-renderer/src/screens/backups/BackupRunsTable');
    const stored = await clinic.ok('admin', 'settings.get', {});
    settings.useClinicSettings
      .getState()
      .set({ ...stored, timeZone: 'Europe/London', dateFormat: 'DD/MM/YYYY', timeFormat: '12h' });
    const at = Date.UTC(2026, 11, 6, 16, 30, 22);
    render(
      <BackupRunsTable
        runs={[
          {
            id: 'run-1',
            kind: 'manual',
            startedAt: at,
            finishedAt: at + 2000,
            folder: '/backups',
            file: 'clinic-2026-12-06.fdbackup',
            sizeBytes: 1024,
            verified: true,
            withRecoveryEnvelope: true,
            patients: 3,
            appointments: 4,
            error: null,
          },
        ]}
      />,
    );
    expect(screen.getByText('06/12/2026 4:30 PM')).toBeTruthy();
    cleanup();
    settings.useClinicSettings.getState().set(stored);
  });
});

describe('the notice a late cancellation gave', () => {
  it('is said in minutes under an hour and in hours from an hour', async () => {
    const { noticeText } = await import('../../src-renderer/src/screens/reports/CallLists');
    expect(noticeText(0.1)).toBe('6 min');
    expect(noticeText(0)).toBe('0 min');
    expect(noticeText(4.4)).toBe('4.4 h');
  });
});

describe('the waits-by-hour chart with no visit to show', () => {
  it('says so in words instead of drawing an empty axis', async () => {
    const { render, screen, cleanup } = await import('@testing-library/react');
    const { WaitsChart } = await import('../../src-renderer/src/screens/reports/ReportCharts');
    type Report = Parameters<typeof WaitsChart>[0]['report'];
    const { container } = render(<WaitsChart report={{ byHour: [] } as unknown as Report} />);
    expect(screen.getByText('No visit arrived and was checked out in the range.')).toBeTruthy();
    expect(container.querySelector('svg')).toBeNull();
    cleanup();
  });
});
