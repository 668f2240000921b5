// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type { NewTaskForm as NewTaskFormComponent } from '../../src-renderer/src/screens/tasks/NewTaskForm';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

let clinic: TestClinic;
let NewTaskForm: typeof NewTaskFormComponent;
let settings: typeof SettingsModule;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  window.clinic = coreBridge(clinic.core, 'admin').bridge;
  ({ NewTaskForm } = await import('../../src-renderer/src/screens/tasks/NewTaskForm'));
  settings = await import('../../src-renderer/src/stores/clinic-settings');
  const stored = await clinic.ok('admin', 'settings.get', {});
  settings.useClinicSettings.getState().set({ ...stored, timeFormat: '12h' });
});

afterAll(async () => {
  cleanup();
  await clinic.close();
});

describe('a task’s due time in a 12-hour clinic', () => {
  it('takes "2:30 PM" as typed and saves it as 14:30; a time it cannot read is refused in the clinic’s format', async () => {
    render(<NewTaskForm onCreated={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Call the lab' } });
    const assignTo = await screen.findByLabelText('Assign to');
    await waitFor(() => expect((assignTo as HTMLSelectElement).options.length).toBeGreaterThan(1));
    fireEvent.change(assignTo, { target: { value: 'role:nurse' } });
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2027-03-10' } });
    const dueTime = screen.getByLabelText('Due time');
    fireEvent.change(dueTime, { target: { value: '25:99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(messageOf('Due time')).toContain('must be a time such as 2:30 PM'));
    expect(messageOf('Due time')).not.toContain('HH:mm');

    fireEvent.change(dueTime, { target: { value: '2:30 PM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText(/^Task created: Call the lab/)).toBeTruthy();
    const listed = (await clinic.ok('admin', 'tasks.list', { scope: 'team' } as never)) as {
      title: string;
      dueAt: number;
    }[];
    // 14:30 on the clinic's clock (London, still on GMT on 10 March).
    expect(listed.find((task) => task.title === 'Call the lab')?.dueAt).toBe(Date.UTC(2027, 2, 10, 14, 30));
  });
});
