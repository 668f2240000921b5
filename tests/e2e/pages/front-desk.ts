import { expect, type Locator, type Page } from '@playwright/test';

export const ADMIN = { name: 'Ada Admin', username: 'ada', password: 'correct horse battery' };
export const RECEPTIONIST = { name: 'Rita Reception', username: 'rita', password: 'reception desk 1' };
export const NURSE = { name: 'Nina Nurse', username: 'nina', password: 'triage room 42' };

export interface Person {
  name: string;
  username: string;
  password: string;
}

/** The screens as a person meets them, found by their labels and roles. */
export class FrontDeskPage {
  constructor(readonly page: Page) {}

  async setUpClinic(): Promise<void> {
    const { page } = this;
    await expect(page.getByRole('heading', { name: 'Set up Front Desk' })).toBeVisible();
    await page.getByLabel('Clinic name').fill('Riverside Clinic');
    await page.getByLabel('Time zone').fill('Europe/London');
    await page.getByLabel('Currency').fill('GBP');
    await page.getByLabel('Full name').fill(ADMIN.name);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password').fill(ADMIN.password);
  }

  /** After "Create clinic": the recovery sheet, shown once; ticks that it was kept and goes on. Returns the key. */
  async keepRecoverySheet(): Promise<string> {
    const { page } = this;
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    await page.getByLabel(/I have printed or written down the recovery key/).check();
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    return key;
  }

  async signIn(user: { username: string; password: string }): Promise<void> {
    const { page } = this;
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in (the menu) or refused (the alert): a step after this one never races the answer.
    await expect(page.getByRole('navigation', { name: 'Main' }).or(page.getByRole('alert'))).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  /** On the Users screen: fills and sends the "Add user" form, and waits for its confirmation. */
  async addUser(user: Person, role: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add user' });
    await form.getByLabel('Full name').fill(user.name);
    await form.getByLabel('Username').fill(user.username);
    await form.getByLabel('Role').selectOption(role);
    await form.getByLabel('Password').fill(user.password);
    await form.getByRole('button', { name: 'Add user' }).click();
    // The role as the select names it ("Nurse").
    const roleName = `${role.charAt(0).toUpperCase()}${role.slice(1)}`;
    await expect(form.getByRole('status')).toHaveText(`Added ${user.name} as ${roleName}.`);
  }

  /** Opens the desk at `url` (a fresh data folder), creates the clinic and signs in as its administrator: back once the menu shows. */
  async openNewClinic(url: string): Promise<void> {
    await this.page.goto(url);
    await this.setUpClinic();
    await this.page.getByRole('button', { name: 'Create clinic' }).click();
    await this.keepRecoverySheet();
    await this.signIn(ADMIN);
    await expect(this.nav()).toBeVisible();
  }

  /** A new clinic at `url`: set up as the administrator, who adds `user` with `role` and hands the desk over to them. */
  async newClinicFor(url: string, user: Person, role: string): Promise<void> {
    await this.openNewClinic(url);
    await this.open('Users');
    await this.addUser(user, role);
    await this.signOut();
    await this.signIn(user);
  }

  userRow(name: string) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async open(area: string): Promise<void> {
    await this.nav().getByRole('link', { name: area }).click();
    await expect(this.page.getByRole('heading', { name: area, level: 1 })).toBeVisible();
  }
}

/**
 * Clicks an empty slot of a calendar column as a mouse user does: beside the time on the grid's
 * left axis (the row below that hour or half-hour line; quarter hours are found from the line above).
 */
export async function clickSlot(
  page: Page,
  column: Locator,
  time: string,
  /** How the axis writes a line's "HH:mm" (a 12-hour clinic's "10:30 PM"); as given by default. */
  axisLabel: (line: string) => string = (line) => line,
): Promise<void> {
  const [hours = '0', minutes = '0'] = time.split(':');
  const line = axisLabel(`${hours}:${Number(minutes) >= 30 ? '30' : '00'}`);
  const label = page.locator('.cal-axis span', { hasText: new RegExp(`^${line}$`) }).first();
  await column.scrollIntoViewIfNeeded();
  // The row sits below its label: centre the label so the row is inside the scrolling grid.
  await label.evaluate((element) =>
    (element as unknown as { scrollIntoView: (options: { block: string }) => void }).scrollIntoView({
      block: 'center',
    }),
  );
  const axis = await label.boundingBox();
  const box = await column.boundingBox();
  if (!axis || !box) throw new Error(`no slot at ${time}`);
  // The label is centred on its line; a row is 22 px.
  const rows = (Number(minutes) % 30) / 15;
  await page.mouse.click(box.x + 8, axis.y + axis.height / 2 + rows * 22 + 11);
}
