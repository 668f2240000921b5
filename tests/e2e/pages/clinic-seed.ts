import type { Page } from '@playwright/test';
import { invoke } from './bridge';

/** The zone every e2e clinic is set up in (FrontDeskPage.openNewClinic picks Europe/London). */
export const CLINIC_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;

/** The clinic's calendar date (YYYY-MM-DD) of an instant. */
export function clinicDateAt(instant: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CLINIC_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The clinic's date `days` from now (0 = today, negative = past). */
export function clinicDate(days = 0): string {
  return clinicDateAt(Date.now() + days * DAY_MS);
}

export interface ProviderAllWeekOptions {
  location: string;
  provider: string;
  colour?: string;
  rooms?: readonly string[];
  /** Working hours on each of the seven days; round the clock by default, so a test runs at any hour. */
  hours?: { start: string; end: string };
}

export interface ProviderAllWeek {
  locationId: string;
  providerId: string;
  roomIds: string[];
}

/**
 * A location (with rooms) and a provider working the same hours on all seven days, through the page's
 * own bridge: quicker than the set-up screens, which setup.spec.ts covers.
 */
export async function providerAllWeek(page: Page, options: ProviderAllWeekOptions): Promise<ProviderAllWeek> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: options.location });
  const roomIds: string[] = [];
  for (const name of options.rooms ?? []) {
    const room = await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name });
    roomIds.push(room.id);
  }
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: options.provider,
    colour: options.colour ?? '#1f5fa8',
    defaultLocationId: location.id,
  });
  const hours = options.hours ?? { start: '00:00', end: '24:00' };
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday,
      start: hours.start,
      end: hours.end,
      breaks: [],
    });
  }
  return { locationId: location.id, providerId: provider.id, roomIds };
}
