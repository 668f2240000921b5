// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge } from './core-bridge';
import type * as PaletteModule from '../../src-renderer/src/screens/frame/CommandPalette';
import type * as SessionModule from '../../src-renderer/src/stores/session';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

const MANAGER = { username: 'mia', displayName: 'Mia Manager', password: 'manager desk 1' };
let s: SchedulingClinic;
let CommandPalette: typeof PaletteModule.CommandPalette;
let session: typeof SessionModule.useSession;
let zelda: string;
/** The patient's name as the search shows it (the helper numbers surnames). */
const ZELDA = /^Quenby\d*, Zelda/;

beforeAll(async () => {
  s = await openSchedulingClinic();
  await s.clinic.ok('admin', 'users.create', { ...MANAGER, role: 'manager' });
  await s.clinic.ok('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  zelda = await s.patient('Zelda', 'Quenby');
  await s.patient('Other', 'Person');
  window.clinic = coreBridge(s.clinic.core, 'desk').bridge;
  ({ CommandPalette } = await import('../../src-renderer/src/screens/frame/CommandPalette'));
  session = (await import('../../src-renderer/src/stores/session')).useSession;
  const settings: typeof SettingsModule = await import('../../src-renderer/src/stores/clinic-settings');
  settings.useClinicSettings.getState().set(await s.clinic.ok('desk', 'settings.get', {}));
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

afterAll(async () => {
  await s.clinic.close();
});

/** Signs this window in as the desk's user ('desk' the receptionist, 'manager' the manager). */
async function signedInAs(client: 'desk' | 'manager'): Promise<void> {
  window.clinic = coreBridge(s.clinic.core, client).bridge;
  const info = await s.clinic.ok(client, 'auth.session', {});
  if (!info) throw new Error(`${client} is not signed in`);
  act(() => session.getState().signedIn(info));
}

/** A screen with a button in focus, and the palette listening. */
function desk(): HTMLButtonElement {
  render(
    <>
      <button type="button">Somewhere on the screen</button>
      <input aria-label="A text field" />
      <CommandPalette />
    </>,
  );
  const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Somewhere on the screen' });
  button.focus();
  return button;
}

const search = () => screen.getByRole('combobox', { name: 'Patient, screen or action' });
const type = (text: string) => fireEvent.change(search(), { target: { value: text } });
const key = (name: string, options: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: name, ...options });
const options = () => within(screen.getByRole('listbox', { name: 'Results' })).queryAllByRole('option');
const selected = () => options().find((option) => option.getAttribute('aria-selected') === 'true');

describe('one search for everything (Ctrl+K or /)', () => {
  it('opens on Ctrl+K, goes round its own controls with Tab, and gives the focus back on Escape', async () => {
    await signedInAs('desk');
    const before = desk();
    key('k', { ctrlKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Search everything' });
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(within(dialog).getByRole('status').textContent).toMatch(/Type a patient/);

    // Tab from the last control comes back to the search box, Shift+Tab from the box goes to the last.
    const close = within(dialog).getByRole('button', { name: 'Close' });
    close.focus();
    key('Tab');
    expect(document.activeElement).toBe(search());
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(close);

    search().focus();
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(before));
  });

  it('takes `/` as a character in a text field, and as the search anywhere else', async () => {
    await signedInAs('desk');
    desk();
    screen.getByRole('textbox', { name: 'A text field' }).focus();
    key('/');
    expect(screen.queryByRole('dialog')).toBeNull();
    screen.getByRole('button', { name: 'Somewhere on the screen' }).focus();
    key('/');
    expect(screen.getByRole('dialog', { name: 'Search everything' })).toBeTruthy();
  });

  it("finds a patient with the Patients screen's search; arrows reach the actions beside them, Enter opens", async () => {
    await signedInAs('desk');
    desk();
    key('k', { ctrlKey: true });
    type('quen');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 patient, 0 screens and actions.'));
    const row = screen.getByRole('group', { name: ZELDA });
    expect(
      within(row)
        .getAllByRole('option')
        .map((option) => option.textContent?.split(' born')[0]),
    ).toEqual([expect.stringMatching(ZELDA), 'Book', 'Check in', 'Take payment']);
    expect(selected()?.textContent).toMatch(ZELDA);

    key('ArrowRight');
    expect(selected()?.getAttribute('aria-label')).toMatch(/^Book Quenby\d*, Zelda$/);
    key('ArrowRight');
    expect(selected()?.getAttribute('aria-label')).toMatch(/^Check in Quenby\d*, Zelda$/);
    key('ArrowRight');
    key('ArrowRight');
    expect(selected()?.getAttribute('aria-label')).toMatch(/^Take a payment from Quenby\d*, Zelda$/);
    key('ArrowLeft');
    key('ArrowLeft');
    key('ArrowLeft');
    expect(search().getAttribute('aria-activedescendant')).toBe(selected()?.id);
    key('Enter');
    expect(window.location.hash).toBe(`#/patients/${zelda}`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("offers screens and actions by name, a provider's day, and Enter goes there", async () => {
    await signedInAs('desk');
    desk();
    key('/');
    type('flow');
    await waitFor(() => expect(options().map((option) => option.textContent)).toEqual(['Flow board']));
    key('Enter');
    expect(window.location.hash).toBe('#/board');

    key('/');
    type("dr ortiz's day");
    await waitFor(() => expect(options().map((option) => option.textContent)).toEqual(['Dr Ana Ortiz’s day']));
    key('Enter');
    expect(window.location.hash).toMatch(new RegExp(`^#/calendar/week/${s.drAId}/\\d{4}-\\d{2}-\\d{2}$`));

    key('/');
    type('book');
    await waitFor(() => expect(options()[0]?.textContent).toBe('Book an appointment'));
    key('ArrowDown');
    key('ArrowUp');
    key('Enter');
    expect(window.location.hash).toBe('#/find');
  });

  it("offers a receptionist none of the manager's screens, and the manager their own", async () => {
    await signedInAs('desk');
    desk();
    key('k', { ctrlKey: true });
    for (const word of ['reports', 'audit', 'users', 'settings', 'backup', 'scheduling set-up']) {
      type(word);
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/0 screens and actions/));
    }
    // What a receptionist may do is offered: taking a payment, registering a patient.
    type('take a payment');
    await waitFor(() => expect(options().map((option) => option.textContent)).toEqual(['Take a payment']));
    type('new patient');
    await waitFor(() => expect(options().map((option) => option.textContent)).toEqual(['New patient']));
    cleanup();

    await signedInAs('manager');
    desk();
    key('k', { ctrlKey: true });
    type('reports');
    await waitFor(() => expect(options().map((option) => option.textContent)).toContain('Reports'));
    type('users');
    await waitFor(() => expect(options().map((option) => option.textContent)).toEqual([]));
  });
});
